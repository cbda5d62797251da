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
    // /api/ is the Javadoc of the public API, generated into public/api by tck-tests/doc-snippets (ApiDocs)
    nav: [{ text: 'Quick start', link: '/quick-start' }, { text: 'Configuration', link: '/configuration' },
      { text: 'Javadoc', link: '/api/index.html', target: '_self' }],
    sidebar: [
      { text: 'Getting started', items: [
        { text: 'Overview', link: '/' },
        { text: 'Quick start', link: '/quick-start' },
      ] },
      { text: 'Hosts', items: [
        { text: 'Overview', link: '/hosts/' },
        { text: 'Servlet filter (Jetty, Tomcat)', link: '/hosts/servlet' },
        { text: 'Spring Boot', link: '/hosts/spring-boot' },
        { text: 'Spring Cloud Gateway MVC', link: '/hosts/spring-cloud-gateway' },
        { text: 'Quarkus extension', link: '/hosts/quarkus' },
        { text: 'Vert.x', link: '/hosts/vertx' },
        { text: 'JAX-RS', link: '/hosts/jaxrs' },
        { text: 'LangChain4j, SharedContext', link: '/hosts/langchain4j' },
        { text: 'Plain Java API', link: '/hosts/java-api' },
      ] },
      { text: 'Reference', items: [
        { text: 'Configuration', link: '/configuration' },
        { text: 'Supported versions', link: '/supported-versions' },
        { text: 'Gateway endpoints', link: '/endpoints' },
        { text: 'Metrics and savings', link: '/metrics' },
        { text: 'Compact rows', link: '/compact-rows' },
        { text: 'Context Tracker', link: '/context-tracker' },
        { text: 'XML and YAML', link: '/content-xml-yaml' },
        { text: 'Images', link: '/images' },
        { text: 'Tables in tool output', link: '/content-tables' },
        { text: 'Diffs', link: '/content-diffs' },
        { text: 'Content detection', link: '/content-detection' },
        { text: 'Image routing', link: '/image-routing' },
        { text: 'Learning from retrievals', link: '/learning' },
      ] },
      { text: 'Operations', items: [
        { text: 'Troubleshooting', link: '/troubleshooting' },
        { text: 'Benchmarks', link: '/benchmarks' },
        { text: 'Soak', link: '/soak' },
        { text: 'Reliability', link: '/reliability' },
        { text: 'Scale-out (Redis)', link: '/scale-out' },
      ] },
    ],
    search: { provider: 'local' },
  },
};
