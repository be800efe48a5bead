// qualbridge as the one implementation under test in the W3C VC test suites
// (vc-di-eddsa-test-suite, vc-data-model-2.0-test-suite, vc-bitstring-status-list-test-suite).
// Copy (or link) this file into a suite's root as localConfig.cjs; see README.md beside it.
//   QB_BASE_URL  the server's https address (default https://127.0.0.1:8100)
//   QB_TOKEN     a VC-API issuer token: `qualbridge keys issuer-token demo-office`
//   QB_ISSUER    the identifier to issue under: the office key's did:key (the suites resolve did:key only)
const base = (process.env.QB_BASE_URL || 'https://127.0.0.1:8100') + '/api/vc';
const headers = {Authorization: `Bearer ${process.env.QB_TOKEN || ''}`};
const issuerId = process.env.QB_ISSUER || '';
const tags = ['eddsa-rdfc-2022', 'vc2.0', 'BitstringStatusList', 'localhost'];

module.exports = {
  settings: {enableInteropTests: false, testAllImplementations: false},
  implementations: [{
    name: 'qualbridge',
    implementation: 'qualbridge (local)',
    issuers: [{
      id: issuerId,
      endpoint: `${base}/credentials/issue`,
      headers,
      supports: {vc: ['2.0']},
      options: process.env.QB_STATUS ?
        {credentialStatus: {type: 'BitstringStatusListEntry'}} : undefined,
      tags
    }],
    verifiers: [{
      id: issuerId,
      endpoint: `${base}/credentials/verify`,
      supports: {vc: ['2.0']},
      tags
    }],
    vpVerifiers: [{
      id: issuerId,
      endpoint: `${base}/presentations/verify`,
      supports: {vc: ['2.0']},
      tags
    }]
  }]
};
