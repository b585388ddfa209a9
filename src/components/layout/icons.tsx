const PATHS = {
  apps: 'M3 3h6v6H3zM11 3h6v6h-6zM3 11h6v6H3zM11 11h6v6h-6z',
  profiles:
    'M10 2.5l7.5 4-7.5 4-7.5-4zM2.5 10l7.5 4 7.5-4M2.5 13.5l7.5 4 7.5-4',
  settings:
    'M10 12.75a2.75 2.75 0 1 0 0-5.5 2.75 2.75 0 0 0 0 5.5zM10 2v2.2M10 15.8V18M2 10h2.2M15.8 10H18M4.3 4.3l1.6 1.6M14.1 14.1l1.6 1.6M4.3 15.7l1.6-1.6M14.1 5.9l1.6-1.6',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM12.5 12.5L17 17',
  menu: 'M3 5h14M3 10h14M3 15h14',
  chevronDown: 'M5.5 8l4.5 4.5L14.5 8',
  collapse: 'M12.5 5l-5 5 5 5M4 4v12',
  expand: 'M7.5 5l5 5-5 5M16 4v12',
  pin: 'M7 3h6l-1 5 3 3H5l3-3zM10 11v6',
  recent: 'M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM10 6v4l2.5 2.5',
  user: 'M10 10a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM3.5 17.5c.8-3 3.4-5 6.5-5s5.7 2 6.5 5',
  keyboard: 'M2.5 5.5h15v9h-15zM5.5 8.5h1M9.5 8.5h1M13.5 8.5h1M6 11.5h8',
  close: 'M5 5l10 10M15 5L5 15',
  sun: 'M10 13.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM10 2v1.5M10 16.5V18M2 10h1.5M16.5 10H18M4.3 4.3l1 1M14.7 14.7l1 1M4.3 15.7l1-1M14.7 5.3l1-1',
  moon: 'M16 12.5A6.5 6.5 0 0 1 7.5 4a6.5 6.5 0 1 0 8.5 8.5z',
  system: 'M3 4h14v9H3zM7 16.5h6M10 13v3.5',
  env: 'M4 6h12M4 10h12M4 14h12',
  fleet: 'M3 4h5v5H3zM12 4h5v5h-5zM7.5 11h5v5h-5zM5.5 9v2h9V9M10 11V9',
  agents: 'M6.5 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9.5 10H17M14 10v3M16.5 10v2',
  metrics: 'M3 17h14M5 14V9M9 14V5M13 14v-3M17 14V7',
  artefacts: 'M10 2.5l6.5 3.5v8L10 17.5 3.5 14V6zM3.5 6L10 9.5 16.5 6M10 9.5v8',
  pipelines: 'M3 5h4v4H3zM13 5h4v4h-4zM8 13h4v4H8zM7 7h6M15 9v2l-3 3M5 9v2l3 3',
  audit: 'M5 2.5h7l3 3v12H5zM12 2.5v3h3M7.5 9h5M7.5 12h5M7.5 15h3',
  resources:
    'M4 5c0-1.1 2.7-2 6-2s6 .9 6 2-2.7 2-6 2-6-.9-6-2zM4 5v10c0 1.1 2.7 2 6 2s6-.9 6-2V5M4 10c0 1.1 2.7 2 6 2s6-.9 6-2',
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative line icon (always paired with visible or accessible text). */
export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
