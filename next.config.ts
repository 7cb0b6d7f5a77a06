import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { staticSecurityHeaders } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  // The journeys build into their own folder, so they can run beside a development build or a benchmark.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Database drivers with native parts stay outside the bundle.
  serverExternalPackages: ['@libsql/client', 'libsql', 'postgres', 'pino', 'nodemailer'],
  // The English pages that are prerendered, without the proxy (which does this for every other page): see proxy.ts.
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', destination: '/en' },
        { source: '/developers', destination: '/en/developers' },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders }];
  },
};

export default withNextIntl(config);
