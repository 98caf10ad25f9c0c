import { SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { GoalsDueSoon } from './goals-due-soon';
import { NextSessions } from './next-sessions';

/** What is coming up for the person: their next sessions beside their goals due soon (one above the other on a phone). */
export function AgendaSection() {
  const viewerTimeZone = useMemo(() => detectedTimeZone(), []);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
      <NextSessions viewerTimeZone={viewerTimeZone} />
      <GoalsDueSoon viewerTimeZone={viewerTimeZone} />
    </SimpleGrid>
  );
}
