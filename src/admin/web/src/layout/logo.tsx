export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#4263eb" />
      <circle cx="16" cy="9" r="3.2" fill="#fff" />
      <circle cx="9" cy="22" r="3.2" fill="#fff" />
      <circle cx="23" cy="22" r="3.2" fill="#fff" />
      <path d="M16 12v4M16 16l-6 4M16 16l6 4" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
