import { Group, Loader, Text } from '@mantine/core';

export function LoadingState({ label }: { label: string }) {
  return (
    <Group role="status" gap="sm">
      <Loader size="sm" aria-hidden />
      <Text>{label}</Text>
    </Group>
  );
}
