// Swagger UI over the whole API: the gateway's own document and each service's, as generated at build
// time by micronaut-openapi. Documents that do not answer (a service not routed or not running) are left
// out of the list and named in the bar above it.
(async () => {
  const specs = [
    ['Gateway: accounts, live events', '/openapi/rehearse-gateway-0.1.yml'],
    ['Question bank', '/openapi/rehearse-question-service-0.1.yml'],
    ['Assessment', '/openapi/rehearse-assessment-service-0.1.yml'],
    ['Speech', '/openapi/rehearse-speech-service-0.1.yml'],
  ];
  const available = [];
  const missing = [];
  await Promise.all(specs.map(async ([name, url]) => {
    try {
      const response = await fetch(url, { method: 'GET' });
      (response.ok ? available : missing).push({ name, url });
    } catch {
      missing.push({ name, url });
    }
  }));
  const order = specs.map(s => s[1]);
  available.sort((a, b) => order.indexOf(a.url) - order.indexOf(b.url));
  if (missing.length) {
    document.getElementById('spec-note').textContent = `Not available here yet: ${missing.map(m => m.name).join(', ')}.`;
  }
  window.ui = SwaggerUIBundle({
    urls: available,
    'urls.primaryName': available[0]?.name,
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    persistAuthorization: true, // "Authorize" takes the bearer token from POST /api/auth/login
  });
})();
