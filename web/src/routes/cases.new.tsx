import { Box } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../components/NoAccess';
import { Page } from '../components/Page';
import { useCan } from '../features/auth/session';
import { RegisterCaseForm } from '../features/cases/register-form/RegisterCaseForm';
import { appRoute } from './app';

function RegisterCasePage() {
  const { t } = useTranslation();
  const canRegister = useCan()('cases.register');
  return (
    <Page title={t('registerForm.title')}>
      <Box style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto', paddingBottom: 'var(--mantine-spacing-md)' }}>{canRegister ? <RegisterCaseForm /> : <NoAccess />}</Box>
    </Page>
  );
}

export const caseNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'cases/new',
  component: RegisterCasePage,
});
