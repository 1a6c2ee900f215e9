/* sa-cisco-diagnosis.h — "Test Connection": what works with Cisco, and why not
 *
 * Requests a fresh token for the Client ID and Secret, then lists the Smart
 * Accounts the registering Cisco.com user can reach (`/v2/accounts`), and
 * names the outcome in plain translated words with the next action: connected,
 * no Smart Account visible, `invalid_client`, 403 "Invalid Client", rate
 * limited, no network, TLS failure, an HTML error page, or another failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-cisco-api.h"

G_BEGIN_DECLS

/**
 * SaCiscoDiagnosis:
 * @SA_CISCO_DIAGNOSIS_CONNECTED: a token was issued and Smart Accounts are
 *   visible
 * @SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT: a token was issued and the API
 *   answers, but the registering Cisco.com user holds no role on any Smart
 *   Account
 * @SA_CISCO_DIAGNOSIS_INVALID_CLIENT: `invalid_client`: a wrong Client ID or
 *   Secret, or a new application still propagating (about 30 minutes)
 * @SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED: 403 "Invalid Client": the
 *   application's access to the Smart Accounts & Licensing API is not
 *   approved yet
 * @SA_CISCO_DIAGNOSIS_RATE_LIMITED: 429, still after the bounded retries
 * @SA_CISCO_DIAGNOSIS_NO_NETWORK: Cisco could not be reached, or did not
 *   answer in time
 * @SA_CISCO_DIAGNOSIS_TLS: the TLS certificate could not be verified
 * @SA_CISCO_DIAGNOSIS_NOT_JSON: a web page (HTML) instead of API data
 * @SA_CISCO_DIAGNOSIS_NO_CREDENTIALS: no Client ID or Client Secret to test
 * @SA_CISCO_DIAGNOSIS_FAILED: anything else (an address that is not https, a
 *   server error, an answer not in Cisco's shape…); the message says which
 *
 * The outcomes "Test Connection" tells apart (issue 9).
 */
typedef enum
{
  SA_CISCO_DIAGNOSIS_CONNECTED,
  SA_CISCO_DIAGNOSIS_NO_SMART_ACCOUNT,
  SA_CISCO_DIAGNOSIS_INVALID_CLIENT,
  SA_CISCO_DIAGNOSIS_ACCESS_NOT_APPROVED,
  SA_CISCO_DIAGNOSIS_RATE_LIMITED,
  SA_CISCO_DIAGNOSIS_NO_NETWORK,
  SA_CISCO_DIAGNOSIS_TLS,
  SA_CISCO_DIAGNOSIS_NOT_JSON,
  SA_CISCO_DIAGNOSIS_NO_CREDENTIALS,
  SA_CISCO_DIAGNOSIS_FAILED,
} SaCiscoDiagnosis;

void             sa_cisco_diagnose_async  (SaCiscoApi          *api,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
SaCiscoDiagnosis sa_cisco_diagnose_finish (SaCiscoApi          *api,
                                           GAsyncResult        *result,
                                           char               **title,
                                           char               **message,
                                           GError             **error);

G_END_DECLS
