import {
  Activity,
  Boxes,
  FolderTree,
  Gauge,
  Network,
  Server,
  ScrollText,
  Share2,
  SlidersHorizontal,
  Users,
  type LucideIcon,
} from 'lucide-react';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Overview', icon: Gauge },
  { to: '/tree', label: 'Tree', icon: FolderTree },
  { to: '/sessions', label: 'Sessions', icon: Users },
  { to: '/services', label: 'Services', icon: Network },
  { to: '/mesh', label: 'Mesh', icon: Share2 },
  { to: '/replicas', label: 'Replicas', icon: Server },
  { to: '/config', label: 'Config', icon: SlidersHorizontal },
  { to: '/coordination', label: 'Coordination', icon: Boxes },
  { to: '/events', label: 'Events', icon: Activity },
  { to: '/audit', label: 'Audit log', icon: ScrollText },
];
