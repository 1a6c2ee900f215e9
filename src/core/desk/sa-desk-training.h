/* sa-desk-training.h — the sandbox's training controls, over the Desk API
 * (POST /sandbox/…): start over, move the clock, ship an order, play the
 * customer who accepts a request and the administrator who decides one
 *
 * Only the sandbox answers them (a classroom server is a sandbox too); any
 * other server answers SA_CLIENT_ERROR_NOT_FOUND. The UI offers them when the
 * client has SA_CLIENT_FEATURE_TRAINING_CONTROLS and the app is in training.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-desk-client.h"

G_BEGIN_DECLS

/* POST /sandbox/reset: the training data as new. */
void              sa_desk_client_sandbox_reset_async             (SaDeskClient        *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean          sa_desk_client_sandbox_reset_finish            (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* POST /sandbox/orders/{n}/ship. */
void              sa_desk_client_sandbox_ship_order_async        (SaDeskClient        *self,
                                                                  const char          *sales_order_number,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean          sa_desk_client_sandbox_ship_order_finish       (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* POST /sandbox/account-requests/{id}/accept: the customer accepts. */
void              sa_desk_client_sandbox_accept_account_request_async  (SaDeskClient        *self,
                                                                        const char          *account_request_id,
                                                                        GCancellable        *cancellable,
                                                                        GAsyncReadyCallback  callback,
                                                                        gpointer             user_data);
SaAccountRequest *sa_desk_client_sandbox_accept_account_request_finish (SaDeskClient        *self,
                                                                        GAsyncResult        *result,
                                                                        GError             **error);
/* POST /sandbox/clock {"advanceDays": N}. Returns the new sandbox time. */
void              sa_desk_client_sandbox_advance_clock_async     (SaDeskClient        *self,
                                                                  guint                days,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GDateTime        *sa_desk_client_sandbox_advance_clock_finish    (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* GET /sandbox/clock: the sandbox's "now" (UTC). */
void              sa_desk_client_sandbox_get_clock_async         (SaDeskClient        *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GDateTime        *sa_desk_client_sandbox_get_clock_finish        (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* POST /sandbox/access-requests/{id}/decide: the administrator decides. */
void              sa_desk_client_sandbox_decide_access_request_async  (SaDeskClient        *self,
                                                                       const char          *access_request_id,
                                                                       gboolean             approve,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
SaAccessRequest  *sa_desk_client_sandbox_decide_access_request_finish (SaDeskClient        *self,
                                                                       GAsyncResult        *result,
                                                                       GError             **error);

G_END_DECLS
