/* core-test-backend.h — a second SaClient back end, for the tests: it answers
 * from what the test gave it, and refuses the rest as not supported, the way
 * a read-only back end would; and a network monitor the tests switch on and
 * off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-core.h"

G_BEGIN_DECLS

#define CORE_TEST_TYPE_BACKEND (core_test_backend_get_type ())
G_DECLARE_FINAL_TYPE (CoreTestBackend, core_test_backend, CORE_TEST, BACKEND, SaClient)

/* Implements: get_features (ACCESS_REQUESTS), get_base_uri (@base_uri),
 * sign_in (any non-empty user name), list_access_requests (the answers
 * queued with core_test_backend_push_*, the last one repeated), and
 * create_account_request, update_profile, create_access_request and
 * send_reminder, which fail with the details a back end attaches to its
 * errors. Everything else: SA_CLIENT_ERROR_NOT_SUPPORTED. */
CoreTestBackend *core_test_backend_new                     (const char      *base_uri);
/* Queues an answer of list_access_requests: @requests (GListModel of
 * SaAccessRequest), or @code in SA_CLIENT_ERROR when @requests is NULL. */
void             core_test_backend_push_access_requests    (CoreTestBackend *self,
                                                            GListModel      *requests);
void             core_test_backend_push_error              (CoreTestBackend *self,
                                                            SaClientError    code);
guint            core_test_backend_get_n_list_calls        (CoreTestBackend *self);

/* An SaAccessRequest "@id" for "trattoria-mario.example" in @status. */
SaAccessRequest *core_test_access_request_new              (const char      *id,
                                                            const char      *status);

/* A GNetworkMonitor whose availability the test sets (available at first). */
#define CORE_TEST_TYPE_NETWORK (core_test_network_get_type ())
G_DECLARE_FINAL_TYPE (CoreTestNetwork, core_test_network, CORE_TEST, NETWORK, GObject)

void             core_test_network_set_available           (CoreTestNetwork *self,
                                                            gboolean         available);

G_END_DECLS
