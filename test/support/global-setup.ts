/** Runs once before all test files: nothing shared yet beyond checking the environment. */
export default function setup(): void {
  if (process.env.CI === 'true' && process.env.PAS_TEST_MYSQL_URL === undefined) {
    process.env.PAS_TEST_MYSQL_URL = 'mysql://pas:pas@127.0.0.1:3306/';
  }
}
