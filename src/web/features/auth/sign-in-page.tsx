import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { signIn } from '../../lib/session.ts';
import { signInRoute } from '../../router.tsx';

export function SignInPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('signIn.title')} · ${t('app.name')}`);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { redirect } = signInRoute.useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    mutationFn: () => signIn(queryClient, { email: email.trim(), password }),
    onSuccess: async () => {
      // Only come back to a page of this site, never to an address given by a crafted link.
      // Without one, the start page, which picks the landing page from the person's roles.
      const target = redirect?.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
      await navigate({ href: target });
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, ['email', 'password']);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <Center mih="100vh" p="md" component="main" id="main-content">
      <Stack w="100%" maw={400} gap="md">
        <Group justify="space-between">
          <Title order={1} size="h2" c="blue.9">
            {t('app.name')}
          </Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sign-in-title">
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="md">
              <Title order={2} size="h3" id="sign-in-title">
                {t('signIn.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('signIn.intro')}
              </Text>
              {formMessage ? (
                <Alert color="red" role="alert">
                  {formMessage}
                </Alert>
              ) : null}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={byField.email}
              />
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': t('common.toggleVisibility') }}
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={byField.password}
                // Mantine marks only the wrapper of a password field invalid; screen readers need it on the input.
                aria-invalid={byField.password ? true : undefined}
              />
              <Button type="submit" loading={mutation.isPending}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {/* The public pages need no account: the sign-in page is where a citizen may land first. */}
        <Text size="sm" component="nav" aria-label={t('publicSite.nav')}>
          {t('publicSite.fromSignIn')} <AnchorLink to="/send-feedback">{t('publicSite.send')}</AnchorLink>
          {' · '}
          <AnchorLink to="/track" search={{ code: undefined }}>
            {t('publicSite.track')}
          </AnchorLink>
          {' · '}
          <AnchorLink to="/answers" search={{}}>
            {t('publicSite.answers')}
          </AnchorLink>
        </Text>
      </Stack>
    </Center>
  );
}
