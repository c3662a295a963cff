/**
 * Lambda runtimes that AWS has deprecated, with the date each was deprecated, as the Lambda developer
 * guide lists them ("Deprecated runtimes", https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html,
 * and the older "Deprecation schedule" of https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html).
 * The list is data, not a clock: a runtime is judged deprecated when it is listed here, so a scan gives
 * the same answer on any day. Runtimes only scheduled for deprecation after DEPRECATED_RUNTIMES_AS_OF
 * are left out until the list is next brought up to date.
 */
export const DEPRECATED_RUNTIMES_AS_OF = '2025-12-15';

export const DEPRECATED_RUNTIMES: Readonly<Record<string, string>> = {
  'python3.9': '2025-12-15',
  'nodejs18.x': '2025-09-01',
  'dotnet6': '2024-11-12',
  'python3.8': '2024-10-14',
  'nodejs16.x': '2024-06-12',
  'dotnet7': '2024-05-14',
  'java8': '2024-01-08',
  'go1.x': '2024-01-08',
  'provided': '2024-01-08',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  'ruby2.7': '2023-11-27',
  'dotnetcore3.1': '2023-04-03',
  'nodejs12.x': '2023-03-31',
  'python3.6': '2022-07-18',
  'dotnet5.0': '2022-05-10',
  'dotnetcore2.1': '2022-01-05',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'python2.7': '2021-07-15',
  'nodejs8.10': '2020-03-06',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'dotnetcore1.0': '2019-07-27',
  'dotnetcore2.0': '2019-05-30',
  'nodejs': '2016-10-31',
};

/** The date a runtime was deprecated, null when it is not (as of the list), undefined for a function without a managed runtime (a container image). */
export function runtimeDeprecatedOn(runtime: string | undefined): string | null | undefined {
  if (runtime === undefined) return undefined;
  return Object.hasOwn(DEPRECATED_RUNTIMES, runtime) ? DEPRECATED_RUNTIMES[runtime]! : null;
}
