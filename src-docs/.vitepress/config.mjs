// VitePress site for the Markdown pages in src-docs.
// Build: cd src-docs && npm ci && npm run build   (output: src-docs/.vitepress/dist)
export default {
  title: 'Headroom for Java',
  description: 'Compress the context you send to LLMs: gateway, Quarkus extension, servlet filter.',
  base: process.env.DOCS_BASE || '/',
  cleanUrls: false,
  // pages link to sources elsewhere in the repository (../sample-app/..., ../README.md)
  ignoreDeadLinks: [/^\.\.\//],
  themeConfig: {
    nav: [{ text: 'Quick start', link: '/quick-start' }, { text: 'Configuration', link: '/configuration' }],
    sidebar: [
      { text: 'Getting started', items: [
        { text: 'Overview', link: '/' },
        { text: 'Quick start', link: '/quick-start' },
        { text: 'Servlet filter (web.xml)', link: '/web-xml' },
        { text: 'Spring Boot and Spring Cloud Gateway', link: '/spring' },
        { text: 'Quarkus extension', link: '/quarkus' },
        { text: 'Adapters', link: '/adapters' },
      ] },
      { text: 'Reference', items: [
        { text: 'Configuration', link: '/configuration' },
        { text: 'Gateway endpoints', link: '/endpoints' },
        { text: 'Metrics and savings', link: '/metrics' },
        { text: 'Compact rows', link: '/compact-rows' },
      ] },
      { text: 'Operations', items: [
        { text: 'Troubleshooting', link: '/troubleshooting' },
        { text: 'Benchmarks', link: '/benchmarks' },
        { text: 'Reliability', link: '/reliability' },
      ] },
    ],
    search: { provider: 'local' },
  },
};
