/* sa-desk-training.h — the sandbox's training controls, over the Desk API
 * (POST /sandbox/…): start over, move the clock, ship an order, play the
 * customer who accepts a request and the administrator who decides one;
 * register a device and put an order on export hold (issue 14); the
 * training scenarios and, for trainers, the class
 *
 * Only the sandbox answers them (a classroom server is a sandbox too); any
 * other server answers SA_CLIENT_ERROR_NOT_FOUND. The UI offers them when the
 * client has SA_CLIENT_FEATURE_TRAINING_CONTROLS and the app is in training.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-desk-client.h"
#include "sa-desk-training-scenario.h"

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

/* POST /sandbox/orders/{n}/export-hold {"exportHold": hold}. */
void              sa_desk_client_sandbox_set_export_hold_async   (SaDeskClient        *self,
                                                                  const char          *sales_order_number,
                                                                  gboolean             hold,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean          sa_desk_client_sandbox_set_export_hold_finish  (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* GET /sandbox/orders/{n}/serial-numbers: those not registered yet. */
void              sa_desk_client_sandbox_list_serial_numbers_async  (SaDeskClient        *self,
                                                                     const char          *sales_order_number,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
GStrv             sa_desk_client_sandbox_list_serial_numbers_finish (SaDeskClient        *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);
/* POST /sandbox/devices: the customer registers a device. */
void              sa_desk_client_sandbox_register_device_async   (SaDeskClient        *self,
                                                                  const char          *serial_number,
                                                                  const char          *domain,
                                                                  const char          *virtual_account,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean          sa_desk_client_sandbox_register_device_finish  (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  gboolean            *order_moved,
                                                                  GError             **error);
/* GET /sandbox/scenarios: every scenario with the user's progress. */
void              sa_desk_client_sandbox_list_scenarios_async    (SaDeskClient        *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GListModel       *sa_desk_client_sandbox_list_scenarios_finish   (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* POST /sandbox/scenarios/{id}/start: starts or restarts one. */
void              sa_desk_client_sandbox_start_scenario_async    (SaDeskClient        *self,
                                                                  const char          *scenario_id,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
SaTrainingScenario *sa_desk_client_sandbox_start_scenario_finish (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* GET /sandbox/class (trainers): every user's progress. */
void              sa_desk_client_sandbox_get_class_async         (SaDeskClient        *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GListModel       *sa_desk_client_sandbox_get_class_finish        (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
/* POST /sandbox/class/reset (trainers): one trainee or the class to a start. */
void              sa_desk_client_sandbox_reset_class_async       (SaDeskClient        *self,
                                                                  const char          *scenario_id,
                                                                  const char          *trainee,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
gboolean          sa_desk_client_sandbox_reset_class_finish      (SaDeskClient        *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);

G_END_DECLS
