import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { isRefused } from '../lib/refused';
import { ConsoleRefusal } from './console-refusal';

/**
 * A console page whose query failed: the refusal (the same words whether the program exists or not) when the caller
 * manages nothing here, else the page's own heading over the error with a retry.
 */
export function ConsolePageFailure(props: { error: unknown; heading: string; onRetry: () => void }) {
  if (isRefused(props.error)) return <ConsoleRefusal />;
  return (
    <>
      <PageHeading>{props.heading}</PageHeading>
      <QueryError error={props.error} onRetry={props.onRetry} />
    </>
  );
}
