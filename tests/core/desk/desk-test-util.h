/* desk-test-util.h — what the Desk client's tests share: a sandbox back
 * office over loopback, waiting for async calls, synchronous wrappers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "core-test-util.h"
#include "sa-core.h"
#include "sa-error-private.h"
#include "sa-json-private.h"
#include "sa-sandbox-thread.h"

#define TRAINING_USER     "trainee"
#define TRAINING_PASSWORD "training"
#define WAIT_SECONDS      30

/* Facts of the training data (data/sandbox/training-data.sql) that the tests
 * rely on; each test also checks them through the API before using them. */
#define ORDER_UNASSIGNED       "104857601" /* BOOKED, no account */
#define ORDER_UNASSIGNED_2     "104857602" /* ENTERED, no account */
#define ORDER_UNASSIGNED_3     "104857603" /* BOOKED, no account */
#define ORDER_BOTH_SLOTS       "104857618" /* End Customer and Holding */
#define ORDER_SHIPPED          "104857623" /* SHIPPED */
#define ORDER_OTHER_PARTNER    "209715201" /* not the trainee's */
#define DOMAIN_CUSTOMER        "acme-industrie.fr"
#define DOMAIN_CUSTOMER_2      "ferrovie-toscane.example"
#define DOMAIN_PENDING         "boulangeries-delorme.example"
#define DOMAIN_SHARED          "northwind-networks.example" /* CUSTOMER and HOLDING */
#define DOMAIN_HOLDING_ONLY    "alpes-distribution.example"
#define DOMAIN_JAPANESE_VA     "sakura-trading.example"
#define JAPANESE_VA            "東京オフィス"

/* The sandbox the tests talk to, started by desk_test_run(). */
extern SaSandboxThread *sandbox;

/* Starts the sandbox in a fresh data directory, runs the tests added with
 * g_test_add_func(), stops the sandbox and removes its data. */
int               desk_test_run          (void);

void              on_ready               (GObject              *object,
                                          GAsyncResult         *result,
                                          gpointer              user_data);
GAsyncResult     *wait_for               (GAsyncResult        **slot);

gboolean          sign_in                (SaClient             *client,
                                          const char           *username,
                                          const char           *password,
                                          GError              **error);
SaProfile        *get_profile            (SaClient             *client,
                                          GError              **error);
GListModel       *search_orders          (SaClient             *client,
                                          SaOrderSearchField    field,
                                          const char           *value,
                                          guint                 offset,
                                          guint                 limit,
                                          guint                *total,
                                          GError              **error);
SaOrder          *get_order              (SaClient             *client,
                                          const char           *number,
                                          GError              **error);
SaOrder          *update_assignment      (SaClient             *client,
                                          SaOrder              *order,
                                          SaAssignment         *end_customer,
                                          SaAssignment         *holding,
                                          gboolean              terms_accepted,
                                          GError              **error);
GListModel       *search_accounts        (SaClient             *client,
                                          SaAccountSearchField  field,
                                          const char           *value,
                                          int                   type_filter,
                                          GError              **error);
GListModel       *list_virtual_accounts  (SaClient             *client,
                                          const char           *domain,
                                          SaAccountType         type,
                                          GError              **error);
gboolean          sandbox_reset          (SaClient             *client,
                                          GError              **error);
gboolean          sandbox_ship           (SaClient             *client,
                                          const char           *number,
                                          GError              **error);
/* A signed-in client on freshly reset training data. */
SaClient         *new_signed_in_client   (void);
SaAssignment     *slot_new               (const char           *domain,
                                          SaAccountType         type,
                                          const char           *virtual_account);
/* An order the server was never asked for (to reach server-side checks). */
SaOrder          *fake_order             (const char           *number,
                                          const char           *etag);
gboolean          model_has_order        (GListModel           *model,
                                          const char           *number);
SaSmartAccount   *model_find_account     (GListModel           *model,
                                          const char           *domain,
                                          SaAccountType         type);

SaAccountRequest *create_account_request (SaClient             *client,
                                          const char           *name,
                                          const char           *email,
                                          const char           *domain,
                                          const char * const   *users,
                                          GError              **error);
GListModel       *list_account_requests  (SaClient             *client,
                                          GError              **error);
SaAccountRequest *accept_account_request (SaClient             *client,
                                          const char           *id,
                                          GError              **error);
GDateTime        *advance_clock          (SaClient             *client,
                                          guint                 days,
                                          GError              **error);
GDateTime        *get_clock              (SaClient             *client,
                                          GError              **error);
SaProfile        *update_profile         (SaClient             *client,
                                          SaProfile            *profile,
                                          GError              **error);
GListModel       *find_candidates        (SaClient             *client,
                                          const char           *domain,
                                          GError              **error);
SaAccessRequest  *create_access_request  (SaClient             *client,
                                          const char           *domain,
                                          const char           *account_id,
                                          const char           *reason,
                                          GListModel          **candidates,
                                          GError              **error);
GListModel       *list_access_requests   (SaClient             *client,
                                          GError              **error);
SaAccessRequest  *send_reminder          (SaClient             *client,
                                          const char           *id,
                                          GDateTime           **next,
                                          GError              **error);
SaAccessRequest  *decide                 (SaClient             *client,
                                          const char           *id,
                                          gboolean              approve,
                                          GError              **error);
gpointer          find_by_id             (GListModel           *model,
                                          const char           *id);

/* The fields @error says were refused: how many of @form's (those the app
 * does not know included), and the one refused as @field under the Desk
 * API's name @key (asserted there). */
guint             count_refused          (const GError         *error,
                                          SaFieldForm           form);
const SaRefusedField *find_refused       (const GError         *error,
                                          SaFieldForm           form,
                                          int                   field,
                                          const char           *key);

/* Test doubles of the Desk API: a SoupServer listening on 127.0.0.1 (its
 * URI, transfer full), and an answer with a JSON body. */
char             *desk_test_listen       (SoupServer           *server);
void              desk_test_respond_json (SoupServerMessage    *msg,
                                          guint                 status,
                                          const char           *json);
