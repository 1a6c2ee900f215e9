/* sandbox-cisco-test-util.h — what the tests of the sandbox's Cisco-shaped
 * paths share: raw calls that keep the reply's bytes and headers, Cisco's
 * token, OAGIS order requests, the training faults and request log, and the
 * training data's fixtures of the license model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sandbox-test-util.h"

G_BEGIN_DECLS

#define CISCO_TOKEN "/oauth2/default/v1/token"
#define SAL         "/services/api/smart-accounts-and-licensing"
#define CCW_ORDER   "/commerce/ORDER/v2/sync/checkOrderStatus"

/* The license model in the training data (data/sandbox/training-data.sql) */
#define ORDER_PENDING_ACCOUNT  "104857621"  /* BOOKED, End Customer Boulangeries Delorme (Pending) / DEFAULT */
#define AR_DELORME             "AR-000001"  /* the pending request of Boulangeries Delorme */
#define ORDER_SHIPPED_DEPOSITED "104857623" /* SHIPPED, Acme / Production: 6 + 6 licenses */
#define ORDER_SHIPPED_HOLDING  "104857625"  /* SHIPPED, Holding only: no licenses */
#define ORDER_SHIPPED_HOLD     "104857626"  /* SHIPPED, Clinique Saint-Roch, export hold: no licenses */
#define ORDER_OTHER_SHIPPED    "209715203"  /* the other partner's, SHIPPED, Acme / DEFAULT: deposited */
#define DOMAIN_ACME            "acme-industrie.fr"
#define DOMAIN_NORTHWIND       "northwind-networks.example"  /* a HOLDING and a CUSTOMER account */
#define DOMAIN_DELORME         "boulangeries-delorme.example"
#define DOMAIN_KESTREL         "kestrel-logistics.example"   /* a Virtual Account role only: Warehouses */
#define DOMAIN_CLINIQUE        "clinique-saint-roch.example" /* a Viewer */
#define DOMAIN_SAKURA          "sakura-trading.example"
#define N_ROLE_ACCOUNTS        11   /* 10 with roles in the data + the approved access request */
#define N_NFR_LICENSES         105  /* Northwind's Demo Lab, from no order */

/* A raw reply. */
typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;    /* NULL when the body is not JSON */
} SctReply;

void         sct_reply_clear      (SctReply     *reply);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SctReply, sct_reply_clear)

/* Sends @body (of @content_type) or none; asserts a status under 500. */
void         sct_request          (SbtFixture   *f,
                                   const char   *token,
                                   const char   *method,
                                   const char   *path,
                                   const char   *content_type,
                                   const char   *body,
                                   SctReply     *reply);
void         sct_get              (SbtFixture   *f,
                                   const char   *token,
                                   const char   *path,
                                   SctReply     *reply);
void         sct_post_json        (SbtFixture   *f,
                                   const char   *token,
                                   const char   *path,
                                   const char   *json,
                                   SctReply     *reply);
/* The token endpoint's reply to client_credentials. */
void         sct_token_reply      (SbtFixture   *f,
                                   const char   *client_id,
                                   const char   *client_secret,
                                   SctReply     *reply);
/* A Cisco token of @client_id; asserts 200. */
char        *sct_token            (SbtFixture   *f,
                                   const char   *client_id,
                                   const char   *client_secret);
/* The trainee's Cisco token. */
char        *sct_sign_in          (SbtFixture   *f);

/* {"GetPurchaseOrder": …} naming an order by @member ("SalesOrderReference",
 * "DocumentReference", "ID") whose ID.value is @value_json. */
char        *sct_order_body       (const char   *member,
                                   const char   *value_json);
/* POST checkOrderStatus for Sales Order No. @number (a JSON number). */
void         sct_check_order      (SbtFixture   *f,
                                   const char   *token,
                                   const char   *number,
                                   SctReply     *reply);
/* ShowPurchaseOrder.value.DataArea of a reply. */
JsonObject  *sct_data_area        (SctReply     *reply);
/* Its ResponseExpression text. */
const char  *sct_expression       (SctReply     *reply);

/* POST /sandbox/cisco-faults with @json (the Desk token); asserts 200. */
void         sct_add_fault        (SbtFixture   *f,
                                   const char   *json);
/* GET /sandbox/cisco-requests: the log (owned by *holder). */
JsonArray   *sct_log              (SbtFixture   *f,
                                   JsonNode    **holder);

/* The licenses of @domain (every page, limit -1): the array (owned by
 * *holder); asserts 200. */
JsonArray   *sct_licenses         (SbtFixture   *f,
                                   const char   *token,
                                   const char   *domain,
                                   JsonNode    **holder);
/* The license of that Virtual Account and name, or NULL. */
JsonObject  *sct_find_license     (JsonArray    *licenses,
                                   const char   *virtual_account,
                                   const char   *name);
/* How many licenses of @domain came from @order (sum of the details'
 * quantities), and in which Virtual Account (the last seen). */
gint64       sct_order_quantity   (SbtFixture   *f,
                                   const char   *token,
                                   const char   *domain,
                                   const char   *order,
                                   char        **virtual_account);

/* Asserts {"status": "ERROR", "statusMessage": …} with @status. */
void         sct_assert_cisco_error (SctReply   *reply,
                                     guint       status);

G_END_DECLS
