import { Text } from '@mantine/core';

/**
 * An answer as written: plain text whose blank lines make paragraphs. Never rendered as HTML, so
 * that nothing a handler pastes can run in a citizen's browser.
 */
export function AnswerText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <Text key={index} mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {paragraph.trim()}
          </Text>
        ))}
    </>
  );
}
