import { Box, Group, Stack, Text } from '@mantine/core';

/** Horizontal bars (drawn only; InsightChart gives the same figures as a table to assistive technology). */
export function BarList({
  bars,
}: {
  bars: ReadonlyArray<{ key: string; label: string; share: number; text: string }>;
}) {
  return (
    <Stack gap={6}>
      {bars.map((bar) => (
        <Group key={bar.key} gap="sm" wrap="nowrap" align="center">
          <Text size="sm" w="8rem" style={{ flexShrink: 0, overflowWrap: 'anywhere' }}>
            {bar.label}
          </Text>
          <Box style={{ flex: 1, minWidth: 0 }} bg="gray.1" h={18}>
            <Box h={18} bg="indigo.7" style={{ width: `${Math.max(0, Math.min(1, bar.share)) * 100}%` }} />
          </Box>
          <Text size="sm" w="5.5rem" ta="right" style={{ flexShrink: 0 }}>
            {bar.text}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
