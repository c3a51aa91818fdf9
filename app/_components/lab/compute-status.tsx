// What a lab widget shows while its worker computes: the failure, if any (announced), else a loading line.
import { T } from '../ui/t';
import styles from './lab.module.css';

export function ComputeStatus({ failure, loading }: { failure: string | null; loading: { en: string; zh: string } | null }) {
  if (failure) {
    return (
      <p className={styles.bad} role="alert">
        <T en={`The lab could not compute this: ${failure}`} zh={`实验室无法计算：${failure}`} />
      </p>
    );
  }
  if (!loading) return null;
  return (
    <p className="muted">
      <T en={loading.en} zh={loading.zh} />
    </p>
  );
}
