import { useTranslations } from '@/lib/i18n/server';
import { StepIndicator } from '@/components/ui/step-indicator';

/** Where the person is in setting up their staff account. */
export function StaffSetupSteps({ current }: { current: 1 | 2 | 3 }) {
  const t = useTranslations('staff.setup.steps');
  return <StepIndicator steps={[t('password'), t('confirm'), t('backupCodes')]} current={current} />;
}
