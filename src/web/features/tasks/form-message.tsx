import { Alert } from '@mantine/core';

/** A form's refusal, read out by screen readers as soon as it appears. */
export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
