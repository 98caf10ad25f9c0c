import { Anchor, Text } from '@mantine/core';
import { messageSegments } from '../lib/message-text';

/**
 * A message's text as the person typed it. It is only ever rendered as text nodes (never as HTML); a plain web
 * address that `messageSegments` finds safe becomes a link that tells the other site nothing about Trellis.
 */
export function MessageText({ body }: { body: string }) {
  return (
    <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {messageSegments(body).map((segment, index) =>
        segment.kind === 'link' ? (
          <Anchor key={index} href={segment.href} rel="noopener noreferrer nofollow" target="_blank" inherit>
            {segment.text}
          </Anchor>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}
