import fc from 'fast-check';
import {
  addWorkingDays,
  dutchPublicHolidays,
  easterSunday,
  isWorkingDay,
  allowedTransitions,
  applyTransition,
  consentProblems,
  consentRefusal,
  HANDOFF_PARTIES,
  HANDOFF_STATES,
  HANDOFF_TRANSITION_TABLE,
  HANDOFF_TRANSITIONS,
  HandoffParty,
  HandoffState,
  HandoffTimelineStep,
  HandoffTransition,
  handoffPath,
  isOverdue,
  isTerminal,
  replayTimeline,
  TERMINAL_HANDOFF_STATES,
} from './handoffs';

const inputsFor = (transition: HandoffTransition) => ({
  reason: transition === 'decline' ? 'geen-capaciteit' : null,
  alternativeOrganisationId: transition === 'decline' ? 'org-b' : null,
  forwardTo: transition === 'forward' ? { organisationId: 'org-c' } : null,
});

describe('hand-off state machine', () => {
  it('lets each party make exactly the moves of the table', () => {
    expect(allowedTransitions('concept', 'sender')).toEqual(['send', 'withdraw']);
    expect(allowedTransitions('concept', 'receiver')).toEqual([]);
    expect(allowedTransitions('verstuurd', 'sender')).toEqual(['withdraw']);
    expect(allowedTransitions('verstuurd', 'receiver')).toEqual(['accept', 'decline', 'forward']);
    expect(allowedTransitions('geaccepteerd', 'receiver')).toEqual(['start', 'forward']);
    expect(allowedTransitions('geaccepteerd', 'sender')).toEqual([]);
    expect(allowedTransitions('in-behandeling', 'receiver')).toEqual(['complete']);
    for (const state of TERMINAL_HANDOFF_STATES)
      for (const party of HANDOFF_PARTIES) expect(allowedTransitions(state, party)).toEqual([]);
  });

  it('requires a coded reason and an alternative to decline', () => {
    const decline = (extra: object) =>
      applyTransition('verstuurd', { transition: 'decline', party: 'receiver', ...extra });
    expect(decline({})).toEqual({ ok: false, refusal: { code: 'missing_input', input: 'reason' } });
    expect(decline({ reason: 'geen-capaciteit' })).toEqual({
      ok: false,
      refusal: { code: 'missing_input', input: 'alternativeOrganisationId' },
    });
    expect(decline({ reason: 'omdat', alternativeOrganisationId: 'x' })).toMatchObject({
      ok: false,
      refusal: { code: 'unknown_reason' },
    });
    expect(decline({ reason: 'geen-capaciteit', alternativeOrganisationId: 'x' })).toEqual({
      ok: true,
      from: 'verstuurd',
      to: 'afgewezen',
    });
  });

  it('refuses the wrong party, inputs a move does not take, and moves out of terminal states', () => {
    expect(applyTransition('verstuurd', { transition: 'accept', party: 'sender' })).toMatchObject({
      ok: false,
      refusal: { code: 'wrong_party', requiredParty: 'receiver' },
    });
    expect(
      applyTransition('verstuurd', { transition: 'accept', party: 'receiver', reason: 'anders' }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'unexpected_input', input: 'reason' },
    });
    expect(applyTransition('afgerond', { transition: 'start', party: 'receiver' })).toMatchObject({
      ok: false,
      refusal: { code: 'terminal_state' },
    });
  });

  it('property: random moves by random parties only follow the table, terminal states stay terminal, and the replay of the accepted steps is the state', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            transition: fc.constantFrom(...HANDOFF_TRANSITIONS),
            party: fc.constantFrom(...HANDOFF_PARTIES),
            withInputs: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (moves) => {
          let state: HandoffState = 'concept';
          const timeline: HandoffTimelineStep[] = [
            { kind: 'created', party: 'sender', fromState: null, toState: 'concept' },
          ];
          for (const move of moves) {
            const result = applyTransition(state, {
              transition: move.transition,
              party: move.party,
              ...(move.withInputs ? inputsFor(move.transition) : {}),
            });
            const rule = HANDOFF_TRANSITION_TABLE.find((r) => r.transition === move.transition)!;
            const allowed =
              !isTerminal(state) &&
              allowedTransitions(state, move.party).includes(move.transition) &&
              (rule.requires.length === 0 || move.withInputs);
            expect(result.ok).toBe(allowed);
            if (isTerminal(state)) expect(result.ok).toBe(false);
            if (result.ok) {
              expect(rule.from).toContain(state);
              expect(result.to).toBe(rule.to);
              timeline.push({
                kind: move.transition,
                party: move.party,
                fromState: state,
                toState: result.to,
              });
              state = result.to;
            }
            expect(replayTimeline(timeline)).toBe(state);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('replay refuses a timeline the table could not have produced', () => {
    const created: HandoffTimelineStep = {
      kind: 'created',
      party: 'sender',
      fromState: null,
      toState: 'concept',
    };
    expect(() =>
      replayTimeline([
        created,
        { kind: 'accept', party: 'receiver', fromState: 'concept', toState: 'geaccepteerd' },
      ]),
    ).toThrow(/not in the table/);
    expect(() =>
      replayTimeline([
        created,
        { kind: 'send', party: 'sender', fromState: 'verstuurd', toState: 'verstuurd' },
      ]),
    ).toThrow(/recorded from/);
    expect(
      replayTimeline([
        created,
        { kind: 'edited', party: 'sender', fromState: 'concept', toState: 'concept' },
      ]),
    ).toBe('concept');
  });

  it('has a transition row for every non-initial state and no way out of terminal ones', () => {
    const reachable = new Set(HANDOFF_TRANSITION_TABLE.map((rule) => rule.to));
    for (const state of HANDOFF_STATES) if (state !== 'concept') expect(reachable).toContain(state);
    for (const rule of HANDOFF_TRANSITION_TABLE)
      for (const from of rule.from) expect(isTerminal(from)).toBe(false);
  });
});

describe('consent rule (DOMAIN.md §5)', () => {
  const aanmelding = handoffPath('comensha-aanmelding');
  it('needs consent for CoMensha registration by a zorgcoördinator, not by police, KMar or NLA', () => {
    expect(consentRefusal(aanmelding, 'zorgcoordinatie', { given: false })).toMatch(/consent/);
    expect(consentRefusal(aanmelding, 'zorgcoordinatie', { given: true })).toBeNull();
    for (const type of ['politie', 'kmar', 'nla'] as const)
      expect(consentRefusal(aanmelding, type, { given: false })).toBeNull();
    // The exemption is for registering at CoMensha only.
    expect(consentRefusal(handoffPath('vo-mo-plaatsing'), 'politie', { given: false })).toMatch(/consent/);
    expect(consentRefusal(handoffPath('riec-intake'), 'gemeente', { given: false })).toBeNull();
  });

  it('under 16 a parent or guardian consents; date and giver go with consent', () => {
    expect(
      consentProblems({ given: true, date: '2026-01-10', givenBy: 'person' }, '12-15', '2026-02-01'),
    ).toEqual([expect.stringMatching(/parent or guardian/)]);
    expect(
      consentProblems({ given: true, date: '2026-01-10', givenBy: 'person' }, '16-17', '2026-02-01'),
    ).toEqual([]);
    expect(
      consentProblems({ given: true, date: '2026-03-01', givenBy: 'person' }, '24-plus', '2026-02-01'),
    ).toEqual([expect.stringMatching(/future/)]);
    expect(consentProblems({ given: true }, '24-plus', '2026-02-01')).toHaveLength(2);
  });
});

describe('deadlines in working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday → Monday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // Saturday → Monday
    expect(addWorkingDays('2026-11-23', 10)).toBe('2026-12-07');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });
  it('skips Dutch public holidays (Algemene termijnenwet)', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28'); // Kerst on Friday, then the weekend
    // Goede Vrijdag (3 April) counts; Tweede Paasdag (6 April) does not.
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-07');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15'); // Hemelvaartsdag 14 May
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28'); // Koningsdag Monday 27 April
    expect(isWorkingDay('2030-05-06')).toBe(true);
    expect(isWorkingDay('2030-05-05')).toBe(false); // Sunday anyway
    expect(isWorkingDay('2027-05-05')).toBe(false); // Bevrijdingsdag, a Wednesday
  });
  it('computes Easter and the holidays of 2025–2030', () => {
    expect([2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
    expect(dutchPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-05',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    // 27 April 2025 is a Sunday: Koningsdag moves to Saturday 26 April.
    expect(dutchPublicHolidays(2025)).toContain('2025-04-26');
    expect(dutchPublicHolidays(2025)).not.toContain('2025-04-27');
    expect(dutchPublicHolidays(2030)).toEqual(
      expect.arrayContaining(['2030-04-22', '2030-05-30', '2030-06-10', '2030-04-27']),
    );
  });
  it('replays an escalation as a step that keeps the state', () => {
    const steps: HandoffTimelineStep[] = [
      { kind: 'created', party: 'sender', fromState: null, toState: 'concept' },
      { kind: 'send', party: 'sender', fromState: 'concept', toState: 'verstuurd' },
      { kind: 'escalated', party: 'receiver', fromState: 'verstuurd', toState: 'verstuurd' },
      { kind: 'accept', party: 'receiver', fromState: 'verstuurd', toState: 'geaccepteerd' },
    ];
    expect(replayTimeline(steps)).toBe('geaccepteerd');
    expect(() =>
      replayTimeline([
        ...steps.slice(0, 2),
        { kind: 'accept', party: 'receiver', fromState: 'verstuurd', toState: 'geaccepteerd' },
        { kind: 'escalated', party: 'receiver', fromState: 'geaccepteerd', toState: 'geaccepteerd' },
      ]),
    ).toThrow(/escalation outside verstuurd/);
  });
  it('flags a sent hand-off after its last day only', () => {
    expect(isOverdue('verstuurd', '2026-11-30', '2026-11-30')).toBe(false);
    expect(isOverdue('verstuurd', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isOverdue('geaccepteerd', '2026-11-30', '2026-12-01')).toBe(false);
  });
});

describe('party type', () => {
  it('has two sides', () => {
    const parties: HandoffParty[] = ['sender', 'receiver'];
    expect(HANDOFF_PARTIES).toEqual(parties);
  });
});
