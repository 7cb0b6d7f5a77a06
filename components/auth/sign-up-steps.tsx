
import { StepIndicator } from '@/components/ui/step-indicator';
import { useTranslations } from '@/lib/i18n/server';

const steps = ['details', 'confirm', 'secondStep', 'backupCodes'] as const;

/** "Account details / Confirm email / Second step / Backup codes", with the current one marked. */
export function SignUpSteps({ current }: { current: 1 | 2 | 3 | 4 }) {
  const t = useTranslations('signUp.steps');
  return (
    <div className="no-print">
      <StepIndicator steps={steps.map((step) => t(step))} current={current} />
    </div>
  );
}
