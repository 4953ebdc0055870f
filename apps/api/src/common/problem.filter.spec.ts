import { QueryFailedError } from 'typeorm';
import { isTransientDatabaseError } from './problem.filter';

const failed = (code: string) => {
  const driverError = Object.assign(new Error('failed'), { code });
  return new QueryFailedError('SELECT 1', [], driverError);
};

describe('isTransientDatabaseError', () => {
  it.each(['57014', '55P03', '40001', '40P01', '08006', '57P01', '53300'])(
    'retries SQLSTATE %s (503)',
    (code) => {
      expect(isTransientDatabaseError(failed(code))).toBe(true);
    },
  );

  it.each(['23505', '23503', '22P02', '42P01'])('keeps SQLSTATE %s a bug or a conflict (not 503)', (code) => {
    expect(isTransientDatabaseError(failed(code))).toBe(false);
  });

  it('recognises broken and refused connections of the driver', () => {
    expect(
      isTransientDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTransientDatabaseError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientDatabaseError('text')).toBe(false);
  });
});
