'use client';

import { useTranslations } from 'next-intl';
import { RadioGroup } from '@/components/ui/choice-group';
import { ActionForm } from '@/components/ui/action-form';
import { TextInput } from '@/components/ui/form-group';
import { SubmitButton } from '@/components/ui/submit-button';
import { createStaffAction, type CreateStaffState } from '@/lib/auth/actions/staff';
import type { StaffAccountField } from '@/lib/auth/staff-accounts';

const order: StaffAccountField[] = ['givenName', 'familyName', 'email', 'role', 'preferredLanguage'];

/** A supervisor creates an officer or supervisor account; the person gets a set-up link by email. */
export function CreateStaffForm() {
  const t = useTranslations('staff.create');
  return (
    <ActionForm action={createStaffAction} fields={order} className="max-w-[30rem]">
      {(state: CreateStaffState) => {
        const values = state.values ?? {};
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <TextInput id="givenName" label={t('givenName')} autoComplete="off" defaultValue={values.givenName} error={errors.givenName} />
            <TextInput id="familyName" label={t('familyName')} autoComplete="off" defaultValue={values.familyName} error={errors.familyName} />
            <TextInput
              id="email"
              type="email"
              label={t('email.label')}
              hint={t('email.hint')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              defaultValue={values.email}
              error={errors.email}
            />
            <RadioGroup
              id="role"
              legend={t('role.legend')}
              defaultValue={values.role}
              error={errors.role}
              options={[
                { value: 'officer', label: t('role.officer'), hint: t('role.officerHint') },
                { value: 'supervisor', label: t('role.supervisor'), hint: t('role.supervisorHint') },
              ]}
            />
            <RadioGroup
              id="preferredLanguage"
              legend={t('language.legend')}
              hint={t('language.hint')}
              defaultValue={values.preferredLanguage ?? 'en'}
              error={errors.preferredLanguage}
              options={[
                { value: 'en', label: <span lang="en">English</span> },
                { value: 'es', label: <span lang="es">Español</span> },
              ]}
            />
            <SubmitButton className="mt-8">{t('submit')}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
