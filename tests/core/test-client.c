/* test-client.c — the core client against the sandbox over loopback, and
 * against small SoupServer test doubles for the failures a sandbox never makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libsoup/soup.h>

#include "sa-core.h"
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

static SaSandboxThread *sandbox;

/* ------------------------------------------------------------------------ */
/* Running the main loop until an async call lands */

static void
on_ready (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until *@slot is set; fails the test
 * after WAIT_SECONDS. Returns the result (transfer full). */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, on_wait_timeout, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("An async call did not complete within %d s", WAIT_SECONDS);

  g_source_remove (timeout_id);
  return g_steal_pointer (slot);
}

/* Synchronous wrappers, for the tests only. */

static gboolean
sign_in (SaClient    *client,
         const char  *username,
         const char  *password,
         GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_sign_in_async (client, username, password, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_sign_in_finish (client, result, error);
}

static SaProfile *
get_profile (SaClient  *client,
             GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_get_profile_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_get_profile_finish (client, result, error);
}

static GListModel *
search_orders (SaClient            *client,
               SaOrderSearchField   field,
               const char          *value,
               guint                offset,
               guint                limit,
               guint               *total,
               GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_search_orders_async (client, field, value, offset, limit, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_search_orders_finish (client, result, total, error);
}

static SaOrder *
get_order (SaClient    *client,
           const char  *number,
           GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_get_order_async (client, number, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_get_order_finish (client, result, error);
}

static SaOrder *
update_assignment (SaClient      *client,
                   SaOrder       *order,
                   SaAssignment  *end_customer,
                   SaAssignment  *holding,
                   gboolean       terms_accepted,
                   GError       **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_update_assignment_async (client, order, end_customer, holding, terms_accepted,
                                     NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_update_assignment_finish (client, result, error);
}

static GListModel *
search_accounts (SaClient              *client,
                 SaAccountSearchField   field,
                 const char            *value,
                 int                    type_filter,
                 GError               **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_search_accounts_async (client, field, value, type_filter, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_search_accounts_finish (client, result, error);
}

static GListModel *
list_virtual_accounts (SaClient       *client,
                       const char     *domain,
                       SaAccountType   type,
                       GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_virtual_accounts_async (client, domain, type, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_virtual_accounts_finish (client, result, error);
}

static gboolean
sandbox_reset (SaClient  *client,
               GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_reset_async (SA_DESK_CLIENT (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_reset_finish (SA_DESK_CLIENT (client), result, error);
}

static gboolean
sandbox_ship (SaClient    *client,
              const char  *number,
              GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_ship_order_async (SA_DESK_CLIENT (client), number, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_ship_order_finish (SA_DESK_CLIENT (client), result, error);
}

/* A signed-in client on freshly reset training data. */
static SaClient *
new_signed_in_client (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(GError) error = NULL;

  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (sandbox_reset (client, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&client);
}

static SaAssignment *
slot_new (const char    *domain,
          SaAccountType  type,
          const char    *virtual_account)
{
  return sa_assignment_new (domain, NULL, type, SA_ACCOUNT_STATUS_ACTIVE, virtual_account);
}

/* An order the server was never asked for (to reach server-side checks). */
static SaOrder *
fake_order (const char *number,
            const char *etag)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  SaOrder *order;

  json = g_strdup_printf ("{\"salesOrderNumber\": \"%s\", \"status\": \"BOOKED\", \"version\": 1}",
                          number);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  order = sa_order_new_from_json (json_node_get_object (json_parser_get_root (parser)), etag, NULL);
  g_assert_nonnull (order);

  return order;
}

static gboolean
model_has_order (GListModel *model,
                 const char *number)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaOrder) order = g_list_model_get_item (model, i);

      if (g_strcmp0 (sa_order_get_sales_order_number (order), number) == 0)
        return TRUE;
    }

  return FALSE;
}

static SaSmartAccount *
model_find_account (GListModel    *model,
                    const char    *domain,
                    SaAccountType  type)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (model, i);

      if (g_strcmp0 (sa_smart_account_get_domain (account), domain) == 0 &&
          sa_smart_account_get_account_type (account) == type)
        return g_steal_pointer (&account);
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Sign-in */

static void
count_notify (guint *counter)
{
  (*counter)++;
}

static void
test_sign_in (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect_swapped (client, "notify::signed-in", G_CALLBACK (count_notify), &notified);

  /* Wrong password, unknown user. */
  g_assert_false (sign_in (client, TRAINING_USER, "not-the-password", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
  g_assert_false (sa_client_get_signed_in (client));
  g_clear_error (&error);

  g_assert_false (sign_in (client, "nobody", TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_CREDENTIALS);
  g_clear_error (&error);

  /* An empty password never leaves the machine. */
  g_assert_false (sign_in (client, TRAINING_USER, "", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* The right one. */
  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (sa_client_get_signed_in (client));
  g_assert_cmpstr (sa_client_get_username (client), ==, TRAINING_USER);
  g_assert_cmpuint (notified, ==, 1);

  profile = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_username (profile), ==, TRAINING_USER);
  g_assert_nonnull (sa_profile_get_email (profile));

  /* Signing out forgets the token: the server refuses the next call. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_clear_object (&profile);
  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
}

static void
test_unauthenticated (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, &error);
  g_assert_null (accounts);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_clear_error (&error);

  g_assert_false (sandbox_reset (client, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);

  /* The message is the translated sentence, not the server's text. */
  g_assert_cmpuint (strlen (error->message), >, 10);
}

/* ------------------------------------------------------------------------ */
/* Orders */

static void
test_search_orders (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  /* No filter: every order the trainee may see, never another partner's. */
  all = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 100, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, >=, 30);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, total);
  g_assert_true (g_list_model_get_item_type (all) == SA_TYPE_ORDER);
  g_assert_true (model_has_order (all, ORDER_UNASSIGNED));
  g_assert_false (model_has_order (all, ORDER_OTHER_PARTNER));

  /* Search results carry no ETag. */
  {
    g_autoptr(SaOrder) first = g_list_model_get_item (all, 0);

    g_assert_null (sa_order_get_etag (first));
  }

  /* Each field, exact and partial, case-insensitive. */
  {
    struct {
      SaOrderSearchField field;
      const char *value;
    } cases[] = {
      { SA_ORDER_SEARCH_SALES_ORDER_NUMBER, ORDER_UNASSIGNED },
      { SA_ORDER_SEARCH_WEB_ORDER_ID, "WO73910452" },
      { SA_ORDER_SEARCH_WEB_ORDER_ID, "wo73910452" },
      { SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-ACME-2291" },
      { SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "po-acme-2291" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GListModel) found = NULL;
        g_autoptr(SaOrder) order = NULL;

        g_test_message ("search %s = %s",
                        sa_order_search_field_to_string (cases[i].field), cases[i].value);
        found = search_orders (client, cases[i].field, cases[i].value, 0, 0, &total, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
        g_assert_cmpuint (total, ==, 1);
        order = g_list_model_get_item (found, 0);
        g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, ORDER_UNASSIGNED);
        g_assert_cmpstr (sa_order_get_web_order_id (order), ==, "WO73910452");
        g_assert_cmpstr (sa_order_get_purchase_order_number (order), ==, "PO-ACME-2291");
      }
  }

  /* Partial: every PO of Acme, and only those. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
                                                 "ACME", 0, 0, &total, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(SaOrder) order = g_list_model_get_item (found, i);
        g_autofree char *po = g_ascii_strup (sa_order_get_purchase_order_number (order), -1);

        g_assert_nonnull (strstr (po, "ACME"));
      }
    /* PO-ACME-BH-77 belongs to the other partner. */
    g_assert_false (model_has_order (found, "209715203"));
  }

  /* Another partner's order is not found at all. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                                 ORDER_OTHER_PARTNER, 0, 0, &total, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
    g_assert_cmpuint (total, ==, 0);
  }

  /* Hostile but valid text: no match, no error, data intact. */
  {
    g_autoptr(GListModel) found = search_orders (client, SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
                                                 "' OR '1'='1'; DROP TABLE orders;--", 0, 0,
                                                 &total, &error);
    g_autoptr(GListModel) again = NULL;
    guint total_again = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);

    again = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 100, &total_again, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (total_again, ==, g_list_model_get_n_items (all));
  }

  /* Invalid input is refused before sending. */
  {
    g_autoptr(GListModel) none = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
                                                "12ab", 0, 0, NULL, &error);

    g_assert_null (none);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  }
}

static void
test_search_orders_paging (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) page1 = NULL;
  g_autoptr(GListModel) page2 = NULL;
  g_autoptr(GListModel) beyond = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint total1 = 0, total2 = 0, total3 = 0;

  page1 = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 10, &total1, &error);
  g_assert_no_error (error);
  page2 = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 10, 10, &total2, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (total1, >=, 30);
  g_assert_cmpuint (total1, ==, total2);
  g_assert_cmpuint (g_list_model_get_n_items (page1), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (page2), ==, 10);

  /* The two pages do not overlap. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SaOrder) a = g_list_model_get_item (page1, i);
      g_autoptr(SaOrder) b = g_list_model_get_item (page2, i);

      g_assert_true (g_hash_table_add (seen, g_strdup (sa_order_get_sales_order_number (a))));
      g_assert_true (g_hash_table_add (seen, g_strdup (sa_order_get_sales_order_number (b))));
    }

  beyond = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, total1 + 5, 10, &total3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (beyond), ==, 0);
  g_assert_cmpuint (total3, ==, total1);
}

static void
test_get_order (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) both = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_etag = NULL;

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, ORDER_UNASSIGNED);
  g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_BOOKED);
  g_assert_null (sa_order_get_end_customer (order));
  g_assert_null (sa_order_get_holding (order));
  g_assert_true (sa_order_can_change_assignment (order));

  /* ETag: the version, quoted. */
  expected_etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", sa_order_get_version (order));
  g_assert_cmpstr (sa_order_get_etag (order), ==, expected_etag);

  both = get_order (client, ORDER_BOTH_SLOTS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sa_order_get_end_customer (both));
  g_assert_nonnull (sa_order_get_holding (both));
  g_assert_cmpint (sa_assignment_get_account_type (sa_order_get_end_customer (both)), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_assignment_get_account_type (sa_order_get_holding (both)), ==, SA_ACCOUNT_TYPE_HOLDING);
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_holding (both)), ==, DOMAIN_SHARED);

  /* A shipped order from the data. */
  {
    g_autoptr(SaOrder) shipped = get_order (client, ORDER_SHIPPED, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sa_order_get_status (shipped), ==, SA_ORDER_STATUS_SHIPPED);
    g_assert_false (sa_order_can_change_assignment (shipped));
  }
}

static void
test_order_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) fake = fake_order ("999999999", "\"1\"");
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, "999999999", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
  g_clear_error (&error);

  updated = update_assignment (client, fake, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_NOT_FOUND);
  g_clear_error (&error);

  /* Not a number at all: refused locally. */
  g_clear_object (&order);
  order = get_order (client, "../profile", &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static void
test_not_authorized (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) fake = fake_order (ORDER_OTHER_PARTNER, "\"1\"");
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, ORDER_OTHER_PARTNER, &error);
  g_assert_null (order);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);

  updated = update_assignment (client, fake, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_AUTHORIZED);
}

/* ------------------------------------------------------------------------ */
/* Changing the assignment */

static void
test_assign_success (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaOrder) reread = NULL;
  g_autoptr(SaAssignment) end_customer = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) holding = slot_new (DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, "Stock");
  g_autoptr(GError) error = NULL;

  order = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_end_customer (order));

  updated = update_assignment (client, order, end_customer, holding, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (updated);
  g_assert_cmpint (sa_order_get_version (updated), >, sa_order_get_version (order));
  g_assert_nonnull (sa_order_get_etag (updated));
  g_assert_cmpstr (sa_order_get_etag (updated), !=, sa_order_get_etag (order));
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (updated), end_customer));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (updated), holding));
  g_assert_cmpstr (sa_assignment_get_name (sa_order_get_end_customer (updated)), ==, "Acme Industrie");

  /* The server kept it. */
  reread = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (reread), end_customer));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (reread), holding));
  g_assert_cmpint (sa_order_get_version (reread), ==, sa_order_get_version (updated));
  g_assert_cmpstr (sa_order_get_etag (reread), ==, sa_order_get_etag (updated));

  /* Changing one slot leaves the other as it is. */
  {
    g_autoptr(SaAssignment) other = slot_new (DOMAIN_CUSTOMER_2, SA_ACCOUNT_TYPE_CUSTOMER, "Pisa");
    g_autoptr(SaOrder) changed = update_assignment (client, reread, other, NULL, TRUE, &error);
    g_autoptr(SaOrder) final = NULL;

    g_assert_no_error (error);
    final = get_order (client, ORDER_UNASSIGNED, &error);
    g_assert_no_error (error);
    g_assert_true (sa_assignment_equal (sa_order_get_end_customer (final), other));
    g_assert_true (sa_assignment_equal (sa_order_get_holding (final), holding));
    g_assert_nonnull (changed);
  }
}

static void
test_assign_pending_account (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) pending = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaAssignment) slot = NULL;
  g_autoptr(GError) error = NULL;

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_PENDING,
                              SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  pending = model_find_account (accounts, DOMAIN_PENDING, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (pending);
  g_assert_cmpint (sa_smart_account_get_status (pending), ==, SA_ACCOUNT_STATUS_PENDING);

  order = get_order (client, ORDER_UNASSIGNED_3, &error);
  g_assert_no_error (error);

  slot = slot_new (DOMAIN_PENDING, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  updated = update_assignment (client, order, slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (updated)), ==, DOMAIN_PENDING);
  g_assert_cmpint (sa_assignment_get_status (sa_order_get_end_customer (updated)), ==, SA_ACCOUNT_STATUS_PENDING);
}

static void
assert_update_fails (SaClient      *client,
                     const char    *number,
                     SaAssignment  *end_customer,
                     SaAssignment  *holding,
                     gboolean       terms,
                     SaClientError  expected)
{
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaOrder) after = NULL;
  g_autoptr(GError) error = NULL;

  order = get_order (client, number, &error);
  g_assert_no_error (error);

  updated = update_assignment (client, order, end_customer, holding, terms, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  g_clear_error (&error);

  /* Nothing changed on the server. */
  after = get_order (client, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_version (after), ==, sa_order_get_version (order));
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (after), sa_order_get_end_customer (order)));
  g_assert_true (sa_assignment_equal (sa_order_get_holding (after), sa_order_get_holding (order)));
}

static void
test_assign_shipped (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaOrder) shipped = NULL;
  g_autoptr(GError) error = NULL;

  /* Shipped in the training data. */
  assert_update_fails (client, ORDER_SHIPPED, slot, NULL, TRUE, SA_CLIENT_ERROR_ORDER_SHIPPED);

  /* Shipped now, through the sandbox. */
  g_assert_true (sandbox_ship (client, ORDER_UNASSIGNED_2, &error));
  g_assert_no_error (error);
  shipped = get_order (client, ORDER_UNASSIGNED_2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_status (shipped), ==, SA_ORDER_STATUS_SHIPPED);
  g_assert_false (sa_order_can_change_assignment (shipped));
  assert_update_fails (client, ORDER_UNASSIGNED_2, slot, NULL, TRUE, SA_CLIENT_ERROR_ORDER_SHIPPED);

  /* The user message names the documented route. */
  {
    g_autoptr(GError) shipped_error = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED, "");
    g_autofree char *message = sa_error_dup_user_message (shipped_error);

    g_assert_nonnull (strstr (message, "Support Case Manager"));
  }
}

static void
test_assign_wrong_account_type (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) holding_in_ec = slot_new (DOMAIN_HOLDING_ONLY, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) customer_in_holding = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_HOLDING, "DEFAULT");

  assert_update_fails (client, ORDER_UNASSIGNED, holding_in_ec, NULL, TRUE,
                       SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE);
  assert_update_fails (client, ORDER_UNASSIGNED, NULL, customer_in_holding, TRUE,
                       SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE);
}

static void
test_assign_virtual_account_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) unknown = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "No Such VA");
  g_autoptr(SaAssignment) someone_elses = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "Firenze");

  assert_update_fails (client, ORDER_UNASSIGNED, unknown, NULL, TRUE,
                       SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND);
  /* "Firenze" exists, but belongs to another Smart Account. */
  assert_update_fails (client, ORDER_UNASSIGNED, someone_elses, NULL, TRUE,
                       SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND);
}

static void
test_assign_terms_not_accepted (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");

  assert_update_fails (client, ORDER_UNASSIGNED, slot, NULL, FALSE,
                       SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED);
}

static void
test_assign_smart_account_not_found (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAssignment) slot = slot_new ("no-such-account.example", SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GListModel) vas = NULL;
  g_autoptr(GError) error = NULL;

  assert_update_fails (client, ORDER_UNASSIGNED, slot, NULL, TRUE,
                       SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);

  vas = list_virtual_accounts (client, "no-such-account.example", SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_null (vas);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
}

static void
test_assign_version_conflict (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaClient) colleague = new_signed_in_client ();
  g_autoptr(SaOrder) mine = NULL;
  g_autoptr(SaOrder) theirs = NULL;
  g_autoptr(SaOrder) their_result = NULL;
  g_autoptr(SaOrder) my_result = NULL;
  g_autoptr(SaOrder) reloaded = NULL;
  g_autoptr(SaOrder) retried = NULL;
  g_autoptr(SaAssignment) their_slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(SaAssignment) my_slot = slot_new (DOMAIN_CUSTOMER_2, SA_ACCOUNT_TYPE_CUSTOMER, "Firenze");
  g_autoptr(GError) error = NULL;

  mine = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  theirs = get_order (colleague, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);

  /* Someone else changes the order first ... */
  their_result = update_assignment (colleague, theirs, their_slot, NULL, TRUE, &error);
  g_assert_no_error (error);

  /* ... so my ETag is stale. */
  my_result = update_assignment (client, mine, my_slot, NULL, TRUE, &error);
  g_assert_null (my_result);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VERSION_CONFLICT);
  g_clear_error (&error);

  reloaded = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (reloaded), their_slot));

  /* After reloading, submitting again works. */
  retried = update_assignment (client, reloaded, my_slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sa_assignment_equal (sa_order_get_end_customer (retried), my_slot));
}

static void
test_assign_precondition_required (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SaOrder) from_search = NULL;
  g_autoptr(SaOrder) updated = NULL;
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GError) error = NULL;

  found = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, ORDER_UNASSIGNED, 0, 0, NULL, &error);
  g_assert_no_error (error);
  from_search = g_list_model_get_item (found, 0);
  g_assert_null (sa_order_get_etag (from_search));

  /* Sent without If-Match: the server asks for it. */
  updated = update_assignment (client, from_search, slot, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_PRECONDITION_REQUIRED);
  g_clear_error (&error);

  /* No slot at all: refused locally. */
  updated = update_assignment (client, from_search, NULL, NULL, TRUE, &error);
  g_assert_null (updated);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts and Virtual Accounts */

static void
test_search_accounts (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GError) error = NULL;

  /* By domain, partial. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme-indus", -1, &error);
    g_autoptr(SaSmartAccount) acme = NULL;

    g_assert_no_error (error);
    g_assert_true (g_list_model_get_item_type (found) == SA_TYPE_SMART_ACCOUNT);
    acme = model_find_account (found, DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER);
    g_assert_nonnull (acme);
    g_assert_cmpstr (sa_smart_account_get_name (acme), ==, "Acme Industrie");
    g_assert_cmpint (sa_smart_account_get_status (acme), ==, SA_ACCOUNT_STATUS_ACTIVE);
  }

  /* By name, case-insensitive. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "sakura trading", -1, &error);
    g_autoptr(SaSmartAccount) sakura = NULL;

    g_assert_no_error (error);
    sakura = model_find_account (found, DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER);
    g_assert_nonnull (sakura);
  }

  /* By e-mail. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_EMAIL, "it@acme-industrie.fr", -1, &error);
    g_autoptr(SaSmartAccount) acme = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    acme = g_list_model_get_item (found, 0);
    g_assert_cmpstr (sa_smart_account_get_email (acme), ==, "it@acme-industrie.fr");
  }

  /* Two accounts share a domain; the type filter picks one. */
  {
    g_autoptr(GListModel) both = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, -1, &error);
    g_autoptr(GListModel) holding = NULL;
    g_autoptr(GListModel) customer = NULL;
    g_autoptr(SaSmartAccount) h = NULL;
    g_autoptr(SaSmartAccount) c = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (both), ==, 2);

    holding = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (holding), ==, 1);
    h = g_list_model_get_item (holding, 0);
    g_assert_cmpint (sa_smart_account_get_account_type (h), ==, SA_ACCOUNT_TYPE_HOLDING);

    customer = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_SHARED, SA_ACCOUNT_TYPE_CUSTOMER, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (customer), ==, 1);
    c = g_list_model_get_item (customer, 0);
    g_assert_cmpint (sa_smart_account_get_account_type (c), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  }

  /* Every HOLDING result is a HOLDING account. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, ".", SA_ACCOUNT_TYPE_HOLDING, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), >=, 2);
    for (guint i = 0; i < g_list_model_get_n_items (found); i++)
      {
        g_autoptr(SaSmartAccount) account = g_list_model_get_item (found, i);

        g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_HOLDING);
      }
  }

  /* SQL-like names are just text that matches nothing. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "' OR '1'='1", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }

  /* Local validation. */
  {
    g_autoptr(GListModel) found = search_accounts (client, SA_ACCOUNT_SEARCH_NAME, "", -1, &error);

    g_assert_null (found);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  }
}

static void
test_virtual_accounts (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) vas = NULL;
  g_autoptr(SaVirtualAccount) first = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_japanese = FALSE;
  guint n_default = 0;

  vas = list_virtual_accounts (client, DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (vas) == SA_TYPE_VIRTUAL_ACCOUNT);
  g_assert_cmpuint (g_list_model_get_n_items (vas), >=, 2);

  first = g_list_model_get_item (vas, 0);
  g_assert_cmpstr (sa_virtual_account_get_name (first), ==, "DEFAULT");
  g_assert_true (sa_virtual_account_get_is_default (first));

  for (guint i = 0; i < g_list_model_get_n_items (vas); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (vas, i);

      if (sa_virtual_account_get_is_default (va))
        n_default++;
      /* Byte for byte, as the server stored it. */
      if (strcmp (sa_virtual_account_get_name (va), JAPANESE_VA) == 0)
        found_japanese = TRUE;
    }
  g_assert_true (found_japanese);
  g_assert_cmpuint (n_default, ==, 1);

  /* The Japanese Virtual Account can be assigned and reads back intact. */
  {
    g_autoptr(SaOrder) order = get_order (client, ORDER_UNASSIGNED, &error);
    g_autoptr(SaAssignment) slot = slot_new (DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, JAPANESE_VA);
    g_autoptr(SaOrder) updated = NULL;
    g_autoptr(SaOrder) reread = NULL;

    g_assert_no_error (error);
    updated = update_assignment (client, order, slot, NULL, TRUE, &error);
    g_assert_no_error (error);
    reread = get_order (client, ORDER_UNASSIGNED, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sa_assignment_get_virtual_account (sa_order_get_end_customer (reread)), ==, JAPANESE_VA);
    g_assert_nonnull (updated);
  }

  /* The shared domain: each type has its own Virtual Accounts. */
  {
    g_autoptr(GListModel) holding_vas = list_virtual_accounts (client, DOMAIN_SHARED, SA_ACCOUNT_TYPE_HOLDING, &error);
    g_autoptr(GListModel) customer_vas = NULL;
    gboolean has_stock = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (holding_vas); i++)
      {
        g_autoptr(SaVirtualAccount) va = g_list_model_get_item (holding_vas, i);

        has_stock |= g_str_equal (sa_virtual_account_get_name (va), "Stock");
      }
    g_assert_true (has_stock);

    customer_vas = list_virtual_accounts (client, DOMAIN_SHARED, SA_ACCOUNT_TYPE_CUSTOMER, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (customer_vas); i++)
      {
        g_autoptr(SaVirtualAccount) va = g_list_model_get_item (customer_vas, i);

        g_assert_cmpstr (sa_virtual_account_get_name (va), !=, "Stock");
      }
  }
}

static void
test_reset (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaOrder) before = NULL;
  g_autoptr(SaOrder) changed = NULL;
  g_autoptr(SaOrder) after = NULL;
  g_autoptr(SaAssignment) slot = slot_new (DOMAIN_CUSTOMER, SA_ACCOUNT_TYPE_CUSTOMER, "DEFAULT");
  g_autoptr(GError) error = NULL;

  before = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  changed = update_assignment (client, before, slot, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (sandbox_ship (client, ORDER_UNASSIGNED_2, &error));
  g_assert_no_error (error);

  g_assert_true (sandbox_reset (client, &error));
  g_assert_no_error (error);

  after = get_order (client, ORDER_UNASSIGNED, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_end_customer (after));
  g_assert_cmpint (sa_order_get_version (after), ==, sa_order_get_version (before));

  g_clear_object (&after);
  after = get_order (client, ORDER_UNASSIGNED_2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_order_get_status (after), !=, SA_ORDER_STATUS_SHIPPED);
  g_assert_nonnull (changed);
}

/* ------------------------------------------------------------------------ */
/* Test doubles: a local SoupServer that misbehaves on purpose */

typedef enum
{
  DOUBLE_HANG,         /* never answers */
  DOUBLE_MALFORMED,    /* 200 with broken JSON */
  DOUBLE_NOT_OBJECT,   /* 200 with a JSON array */
  DOUBLE_WRONG_SHAPE,  /* 200 with orders of the wrong types */
  DOUBLE_SERVER_ERROR, /* 500 */
  DOUBLE_HTML_503,     /* 503 with an HTML page */
  DOUBLE_CODE_409,     /* 409 ORDER_SHIPPED in the contract's error body */
  DOUBLE_BARE_404,     /* 404 with no body */
  DOUBLE_UNAUTHENTICATED, /* 401 UNAUTHENTICATED */
  DOUBLE_UNKNOWN_CODE, /* 422 with a code the client does not know */
  DOUBLE_RECORD,       /* answers like the contract and records the request */
} DoubleMode;

typedef struct
{
  SoupServer        *server;
  DoubleMode         mode;
  GPtrArray         *paused;       /* SoupServerMessage, for DOUBLE_HANG */
  char              *uri;
  /* what DOUBLE_RECORD saw */
  char              *method;
  char              *path;
  char              *query;
  char              *authorization;
  char              *user_agent;
  char              *if_match;
  char              *content_type;
  char              *body;
} TestDouble;

static void
double_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  TestDouble *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);

  switch (self->mode)
    {
    case DOUBLE_HANG:
      g_ptr_array_add (self->paused, g_object_ref (msg));
      soup_server_message_pause (msg);
      return;

    case DOUBLE_MALFORMED:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"orders\": [", 12);
      return;

    case DOUBLE_NOT_OBJECT:
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "[1, 2]", 6);
      return;

    case DOUBLE_WRONG_SHAPE:
      {
        static const char json[] =
          "{\"orders\": [{\"salesOrderNumber\": 1, \"status\": \"BOOKED\", \"version\": 1}],"
          " \"totalRecords\": 1}";

        soup_server_message_set_status (msg, 200, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case DOUBLE_SERVER_ERROR:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"ORDER_SHIPPED\", \"statusMessage\": \"boom\"}";

        soup_server_message_set_status (msg, 500, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case DOUBLE_HTML_503:
      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>down</html>", 17);
      return;

    case DOUBLE_CODE_409:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"ORDER_SHIPPED\", \"statusMessage\": \"raw text\"}";

        soup_server_message_set_status (msg, 409, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case DOUBLE_BARE_404:
      soup_server_message_set_status (msg, 404, NULL);
      return;

    case DOUBLE_UNAUTHENTICATED:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"UNAUTHENTICATED\", \"statusMessage\": \"expired\"}";

        soup_server_message_set_status (msg, 401, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case DOUBLE_UNKNOWN_CODE:
      {
        static const char json[] =
          "{\"status\": \"ERROR\", \"code\": \"SOMETHING_NEW\", \"statusMessage\": \"?\"}";

        soup_server_message_set_status (msg, 422, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                          json, strlen (json));
        return;
      }

    case DOUBLE_RECORD:
      {
        static const char token[] =
          "{\"access_token\": \"t0k3n-secret\", \"token_type\": \"Bearer\", \"expires_in\": 3600}";
        static const char order[] =
          "{\"salesOrderNumber\": \"104857601\", \"status\": \"BOOKED\", \"version\": 8,"
          " \"endCustomer\": null, \"holding\": null}";
        GUri *uri = soup_server_message_get_uri (msg);

        g_free (self->method);
        g_free (self->path);
        g_free (self->query);
        g_free (self->authorization);
        g_free (self->user_agent);
        g_free (self->if_match);
        g_free (self->content_type);
        g_free (self->body);
        self->method = g_strdup (soup_server_message_get_method (msg));
        self->path = g_strdup (g_uri_get_path (uri));
        self->query = g_strdup (g_uri_get_query (uri));
        self->authorization = g_strdup (soup_message_headers_get_one (request_headers, "Authorization"));
        self->user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
        self->if_match = g_strdup (soup_message_headers_get_one (request_headers, "If-Match"));
        self->content_type = g_strdup (soup_message_headers_get_content_type (request_headers, NULL));
        self->body = g_strndup (request_body->data, request_body->length);

        soup_server_message_set_status (msg, 200, NULL);
        if (g_str_equal (path, "/oauth2/token"))
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                            token, strlen (token));
        else if (g_str_has_prefix (path, "/v1/orders/"))
          {
            soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                          "ETag", "\"8\"");
            soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                              order, strlen (order));
          }
        else
          soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                            "{\"accounts\": [], \"totalRecords\": 0}", 35);
        return;
      }

    default:
      g_assert_not_reached ();
    }
}

static TestDouble *
test_double_new (DoubleMode mode)
{
  TestDouble *self = g_new0 (TestDouble, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->mode = mode;
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, double_handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return self;
}

static void
test_double_free (TestDouble *self)
{
  /* Let paused messages end before the server goes. */
  for (guint i = 0; i < self->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (self->paused, i);

      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_unpause (msg);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->paused);
  g_free (self->uri);
  g_free (self->method);
  g_free (self->path);
  g_free (self->query);
  g_free (self->authorization);
  g_free (self->user_agent);
  g_free (self->if_match);
  g_free (self->content_type);
  g_free (self->body);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDouble, test_double_free)

static void
assert_double_gives (DoubleMode    mode,
                     SaClientError expected)
{
  g_autoptr(TestDouble) server = test_double_new (mode);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, (int) expected);
  /* Never the server's raw text. */
  g_assert_null (strstr (error->message, "raw text"));
  g_assert_null (strstr (error->message, "boom"));
}

static void
test_timeout (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_HANG);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 1);
  start = g_get_monotonic_time ();
  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_malformed_json (void)
{
  assert_double_gives (DOUBLE_MALFORMED, SA_CLIENT_ERROR_INVALID_RESPONSE);
  assert_double_gives (DOUBLE_NOT_OBJECT, SA_CLIENT_ERROR_INVALID_RESPONSE);
  assert_double_gives (DOUBLE_WRONG_SHAPE, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

static void
test_server_error (void)
{
  /* 5xx is SERVER_ERROR whatever code the body claims. */
  assert_double_gives (DOUBLE_SERVER_ERROR, SA_CLIENT_ERROR_SERVER_ERROR);
  assert_double_gives (DOUBLE_HTML_503, SA_CLIENT_ERROR_SERVER_ERROR);
}

static void
test_error_body_mapping (void)
{
  assert_double_gives (DOUBLE_CODE_409, SA_CLIENT_ERROR_ORDER_SHIPPED);
  assert_double_gives (DOUBLE_BARE_404, SA_CLIENT_ERROR_NOT_FOUND);
  assert_double_gives (DOUBLE_UNKNOWN_CODE, SA_CLIENT_ERROR_FAILED);
}

static void
test_network_error (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autofree char *uri = NULL;
  guint16 port;

  /* Find a free port, then close it again: nobody listens there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  uri = g_strdup_printf ("http://127.0.0.1:%u/", port);
  client = sa_desk_client_new (uri);

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NETWORK);
  g_clear_error (&error);

  g_assert_false (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NETWORK);
  g_clear_error (&error);

  /* Local validation comes first: no network needed to refuse bad input. */
  g_clear_object (&orders);
  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "x", 0, 0, NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static void
test_invalid_base_uri (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("ftp://example.com/");
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GError) error = NULL;

  orders = search_orders (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancellation (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_HANG);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) already = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GListModel) orders = NULL;

  /* Cancelled while waiting for the server. */
  sa_client_get_order_async (client, ORDER_UNASSIGNED, cancellable, on_ready, &slot);
  g_timeout_add (100, cancel_later, cancellable);
  result = wait_for (&slot);
  order = sa_client_get_order_finish (client, result, &error);
  g_assert_null (order);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it starts. */
  g_cancellable_cancel (already);
  sa_client_search_orders_async (client, SA_ORDER_SEARCH_SALES_ORDER_NUMBER, NULL, 0, 0,
                                 already, on_ready, &slot);
  result = wait_for (&slot);
  orders = sa_client_search_orders_finish (client, result, NULL, &error);
  g_assert_null (orders);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_request_format (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_RECORD);
  g_autoptr(SaClient) client = sa_desk_client_new (server->uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *body;
  JsonObject *end_customer;

  /* Sign-in: a form, no token yet. */
  g_assert_true (sign_in (client, "tr@inee&co", "p=w d&", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (server->method, ==, "POST");
  g_assert_cmpstr (server->path, ==, "/oauth2/token");
  g_assert_cmpstr (server->content_type, ==, "application/x-www-form-urlencoded");
  g_assert_null (server->authorization);
  {
    g_autoptr(GHashTable) form = soup_form_decode (server->body);

    g_assert_cmpstr (g_hash_table_lookup (form, "grant_type"), ==, "password");
    g_assert_cmpstr (g_hash_table_lookup (form, "username"), ==, "tr@inee&co");
    g_assert_cmpstr (g_hash_table_lookup (form, "password"), ==, "p=w d&");
  }
  g_assert_true (g_str_has_prefix (server->user_agent, "smart-account-desk/"));

  /* Then the token goes with every call; values are escaped in the query. */
  {
    g_autoptr(GListModel) accounts = search_accounts (client, SA_ACCOUNT_SEARCH_NAME,
                                                      "Comune di Verona – IT & co", SA_ACCOUNT_TYPE_HOLDING, &error);
    g_autoptr(GHashTable) query = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
    g_assert_cmpstr (server->authorization, ==, "Bearer t0k3n-secret");
    g_assert_cmpstr (server->path, ==, "/v1/accounts/search");
    query = soup_form_decode (server->query);
    g_assert_cmpstr (g_hash_table_lookup (query, "name"), ==, "Comune di Verona – IT & co");
    g_assert_cmpstr (g_hash_table_lookup (query, "type"), ==, "HOLDING");
    g_assert_cmpuint (g_hash_table_size (query), ==, 2);
  }

  /* The PUT: If-Match from the order, a JSON body built by JsonBuilder. */
  {
    g_autoptr(SaOrder) order = get_order (client, ORDER_UNASSIGNED, &error);
    g_autoptr(SaAssignment) slot = slot_new (DOMAIN_JAPANESE_VA, SA_ACCOUNT_TYPE_CUSTOMER, JAPANESE_VA);
    g_autoptr(SaOrder) updated = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (sa_order_get_etag (order), ==, "\"8\"");

    updated = update_assignment (client, order, slot, NULL, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (server->method, ==, "PUT");
    g_assert_cmpstr (server->path, ==, "/v1/orders/104857601/smart-account-assignment");
    g_assert_cmpstr (server->if_match, ==, "\"8\"");
    g_assert_cmpstr (server->content_type, ==, "application/json");

    g_assert_true (json_parser_load_from_data (parser, server->body, -1, NULL));
    body = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_get_boolean_member (body, "termsAccepted"));
    g_assert_false (json_object_has_member (body, "holding"));
    end_customer = json_object_get_object_member (body, "endCustomer");
    g_assert_cmpstr (json_object_get_string_member (end_customer, "domain"), ==, DOMAIN_JAPANESE_VA);
    g_assert_cmpstr (json_object_get_string_member (end_customer, "virtualAccount"), ==, JAPANESE_VA);
  }

  /* Another error keeps the token; a 401 drops it. */
  server->mode = DOUBLE_BARE_404;
  {
    g_autoptr(SaOrder) none = get_order (client, ORDER_UNASSIGNED, &error);

    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_true (sa_client_get_signed_in (client));
    g_assert_null (none);
  }
  server->mode = DOUBLE_UNAUTHENTICATED;
  {
    g_autoptr(SaOrder) none = get_order (client, ORDER_UNASSIGNED, &error);

    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
    g_clear_error (&error);
    g_assert_false (sa_client_get_signed_in (client));
    g_assert_null (none);
  }
}

/* Everything logged while capturing is on, debug messages included. */
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
            {
              g_string_append (captured_log, fields[i].value);
              g_string_append_c (captured_log, '\n');
            }
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_secrets_not_logged (void)
{
  g_autoptr(TestDouble) server = test_double_new (DOUBLE_RECORD);
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;

  /* With HTTP debugging on, as a developer would run it. */
  g_setenv ("SA_DEBUG_HTTP", "1", TRUE);
  client = sa_desk_client_new (server->uri);
  g_unsetenv ("SA_DEBUG_HTTP");

  captured_log = g_string_new (NULL);
  g_assert_true (sign_in (client, TRAINING_USER, "pa55-secret-word", &error));
  g_assert_no_error (error);
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "acme", -1, &error);
  g_assert_no_error (error);

  /* The calls were logged ... */
  g_assert_nonnull (strstr (captured_log->str, "/oauth2/token"));
  g_assert_nonnull (strstr (captured_log->str, "/v1/accounts/search"));
  /* ... but neither the password nor the token. */
  g_assert_null (strstr (captured_log->str, "pa55-secret-word"));
  g_assert_null (strstr (captured_log->str, "t0k3n-secret"));
  g_assert_null (strstr (captured_log->str, "Authorization"));

  g_string_free (g_steal_pointer (&captured_log), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Procedures 3 and 4: account requests, profile, access requests */

static SaAccountRequest *
create_account_request (SaClient            *client,
                        const char          *name,
                        const char          *email,
                        const char          *domain,
                        const char * const  *users,
                        GHashTable         **fields,
                        GError             **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_create_account_request_async (client, name, email, domain, "Note for the customer",
                                          users, NULL, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_create_account_request_finish (client, result, fields, error);
}

static GListModel *
list_account_requests (SaClient  *client,
                       GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_account_requests_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_account_requests_finish (client, result, error);
}

static SaAccountRequest *
accept_account_request (SaClient    *client,
                        const char  *id,
                        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_accept_account_request_async (SA_DESK_CLIENT (client), id, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_accept_account_request_finish (SA_DESK_CLIENT (client), result, error);
}

static GDateTime *
advance_clock (SaClient  *client,
               guint      days,
               GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_advance_clock_async (SA_DESK_CLIENT (client), days, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_advance_clock_finish (SA_DESK_CLIENT (client), result, error);
}

static GDateTime *
get_clock (SaClient  *client,
           GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_get_clock_async (SA_DESK_CLIENT (client), NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_get_clock_finish (SA_DESK_CLIENT (client), result, error);
}

static SaProfile *
update_profile (SaClient     *client,
                SaProfile    *profile,
                GHashTable  **fields,
                GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_update_profile_async (client, profile, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_update_profile_finish (client, result, fields, error);
}

static GListModel *
find_candidates (SaClient    *client,
                 const char  *domain,
                 GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_find_access_candidates_async (client, domain, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_find_access_candidates_finish (client, result, error);
}

static SaAccessRequest *
create_access_request (SaClient     *client,
                       const char   *domain,
                       const char   *account_id,
                       const char   *reason,
                       GListModel  **candidates,
                       GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_create_access_request_async (client, domain, account_id, reason, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_create_access_request_finish (client, result, candidates, error);
}

static GListModel *
list_access_requests (SaClient  *client,
                      GError   **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_list_access_requests_async (client, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_list_access_requests_finish (client, result, error);
}

static SaAccessRequest *
send_reminder (SaClient     *client,
               const char   *id,
               GDateTime   **next,
               GError      **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_client_send_reminder_async (client, id, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_client_send_reminder_finish (client, result, next, error);
}

static SaAccessRequest *
decide (SaClient    *client,
        const char  *id,
        gboolean     approve,
        GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_desk_client_sandbox_decide_access_request_async (SA_DESK_CLIENT (client), id, approve, NULL, on_ready, &slot);
  result = wait_for (&slot);
  return sa_desk_client_sandbox_decide_access_request_finish (SA_DESK_CLIENT (client), result, error);
}

static gpointer
find_by_id (GListModel *model,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_id = NULL;

      g_object_get (item, "id", &item_id, NULL);
      if (g_strcmp0 (item_id, id) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
test_account_request_create (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  const char *users[] = { "anna@northwind-networks.example", "luca@northwind-networks.example", NULL };
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  g_autoptr(SaAccountRequest) listed = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) found = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan span;

  request = create_account_request (client, "Trattoria Da Mario", "mario@trattoria-mario.example",
                                    "Trattoria-Mario.example", users, &fields, &error);
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_nonnull (request);
  g_assert_nonnull (sa_account_request_get_id (request));
  g_assert_cmpstr (sa_account_request_get_account_name (request), ==, "Trattoria Da Mario");
  /* Lower-cased on storage. */
  g_assert_cmpstr (sa_account_request_get_account_domain (request), ==, "trattoria-mario.example");
  g_assert_cmpint (sa_account_request_get_status (request), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpuint (sa_account_request_get_days_left (request), ==, 90);
  g_assert_cmpuint (g_strv_length ((GStrv) sa_account_request_get_users (request)), ==, 2);
  g_assert_cmpstr (sa_account_request_get_note_to_customer (request), ==, "Note for the customer");
  span = g_date_time_difference (sa_account_request_get_expires_date (request),
                                 sa_account_request_get_created_date (request));
  g_assert_cmpint (span, ==, 90 * G_TIME_SPAN_DAY);
  g_assert_cmpint (sa_smart_account_get_status (sa_account_request_get_smart_account (request)), ==,
                   SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpint (sa_smart_account_get_account_type (sa_account_request_get_smart_account (request)), ==,
                   SA_ACCOUNT_TYPE_CUSTOMER);

  /* Created "now" on the sandbox clock. */
  now = get_clock (client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ABS (g_date_time_difference (now, sa_account_request_get_created_date (request))), <,
                   G_TIME_SPAN_MINUTE);

  /* Account search finds the Pending account at once. */
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "trattoria-mario.example", -1, &error);
  g_assert_no_error (error);
  found = model_find_account (accounts, "trattoria-mario.example", SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (found);
  g_assert_cmpint (sa_smart_account_get_status (found), ==, SA_ACCOUNT_STATUS_PENDING);

  /* Listed, newest first. */
  requests = list_account_requests (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), >=, 2);
  listed = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sa_account_request_get_id (listed), ==, sa_account_request_get_id (request));

  /* The same domain again: taken. */
  g_clear_object (&request);
  request = create_account_request (client, "Trattoria Bis", "bis@trattoria-mario.example",
                                    "trattoria-mario.example", NULL, &fields, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_assert_null (fields);
  g_clear_error (&error);

  /* An existing account's domain, of any type. */
  request = create_account_request (client, "Acme", "it@acme-industrie.fr", DOMAIN_CUSTOMER,
                                    NULL, NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_clear_error (&error);
  request = create_account_request (client, "Alpes", "it@alpes.example", DOMAIN_HOLDING_ONLY,
                                    NULL, NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN);
  g_clear_error (&error);

  /* The customer accepts. */
  accepted = accept_account_request (client, sa_account_request_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_account_request_get_status (accepted), ==, SA_ACCOUNT_STATUS_ACTIVE);
  g_assert_cmpuint (sa_account_request_get_days_left (accepted), ==, 0);
  g_assert_cmpint (sa_smart_account_get_status (sa_account_request_get_smart_account (accepted)), ==,
                   SA_ACCOUNT_STATUS_ACTIVE);
  g_clear_object (&accepted);

  accepted = accept_account_request (client, sa_account_request_get_id (listed), &error);
  g_assert_null (accepted);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_clear_error (&error);

  accepted = accept_account_request (client, "AR-999999", &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND);
}

static void
test_account_request_validation (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  const char *duplicate_users[] = { "anna@example.com", "ANNA@example.com", NULL };
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;

  before = list_account_requests (client, &error);
  g_assert_no_error (error);

  /* Refused locally, each naming its field. */
  request = create_account_request (client, "", "mario@trattoria.example", "trattoria.example",
                                    NULL, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "accountName"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "not-an-email", "trattoria.example",
                                    NULL, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "customerEmail"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria",
                                    NULL, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "accountDomain"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria.example",
                                    duplicate_users, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "users[1]"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);

  /* Nothing reached the server. */
  after = list_account_requests (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
}

static void
test_account_request_expiry (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccountRequest) listed = NULL;
  g_autoptr(SaAccountRequest) accepted = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(SaSmartAccount) account = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GError) error = NULL;

  request = create_account_request (client, "Osteria Lenta", "info@osteria-lenta.example",
                                    "osteria-lenta.example", NULL, NULL, &error);
  g_assert_no_error (error);

  before = get_clock (client, &error);
  g_assert_no_error (error);
  after = advance_clock (client, 91, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_difference (after, before), >=, 91 * G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_difference (after, before), <, 92 * G_TIME_SPAN_DAY);

  requests = list_account_requests (client, &error);
  g_assert_no_error (error);
  listed = find_by_id (requests, sa_account_request_get_id (request));
  g_assert_nonnull (listed);
  g_assert_cmpint (sa_account_request_get_status (listed), ==, SA_ACCOUNT_STATUS_EXPIRED);
  g_assert_cmpuint (sa_account_request_get_days_left (listed), ==, 0);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, "osteria-lenta.example", -1, &error);
  g_assert_no_error (error);
  account = model_find_account (accounts, "osteria-lenta.example", SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (account);
  g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_EXPIRED);

  /* Too late for the customer to accept. */
  accepted = accept_account_request (client, sa_account_request_get_id (request), &error);
  g_assert_null (accepted);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
}

static void
test_profile_update (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(SaProfile) saved = NULL;
  g_autoptr(SaProfile) reread = NULL;
  g_autoptr(SaProfile) bad = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;

  profile = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara.bianchi@northwind-networks.example",
                            "Northwind Networks", "Italia", "+39 02 1234 5678");
  saved = update_profile (client, profile, &fields, &error);
  g_assert_no_error (error);
  g_assert_null (fields);
  g_assert_cmpstr (sa_profile_get_username (saved), ==, TRAINING_USER);
  g_assert_cmpstr (sa_profile_get_first_name (saved), ==, "Chiara");
  g_assert_cmpstr (sa_profile_get_phone (saved), ==, "+39 02 1234 5678");

  reread = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_last_name (reread), ==, "Bianchi");
  g_assert_cmpstr (sa_profile_get_country (reread), ==, "Italia");
  g_assert_cmpstr (sa_profile_get_email (reread), ==, "chiara.bianchi@northwind-networks.example");

  bad = sa_profile_new (TRAINING_USER, "Chiara", "", "chiara@example.com", "Northwind", "Italia", NULL);
  g_clear_object (&saved);
  saved = update_profile (client, bad, &fields, &error);
  g_assert_null (saved);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "lastName"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara", "Northwind", "Italia", NULL);
  saved = update_profile (client, bad, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "email"));
  g_clear_pointer (&fields, g_hash_table_unref);
  g_clear_error (&error);
  g_clear_object (&bad);

  bad = sa_profile_new (TRAINING_USER, "Chiara", "Bianchi", "chiara@example.com", "Northwind", "Italia",
                        "call me maybe");
  saved = update_profile (client, bad, &fields, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (fields, "phone"));
}

#define DOMAIN_RESTRICTED_SHARED "groupe-hexagone.example"
#define ACCOUNT_RESTRICTED_FR    "SA-100015"
#define DOMAIN_RESTRICTED_ONE    "vigneti-colli.example"

static void
test_access_request_flow (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GListModel) error_candidates = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(SaAccessRequest) again = NULL;
  g_autoptr(SaAccessRequest) listed = NULL;
  g_autoptr(SaAccessRequest) decided = NULL;
  g_autoptr(SaSmartAccount) found = NULL;
  g_autoptr(GError) error = NULL;

  /* Restricted: account search does not find it yet, candidates do. */
  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_RESTRICTED_SHARED, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 0);
  g_clear_object (&accounts);

  candidates = find_candidates (client, DOMAIN_RESTRICTED_SHARED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 2);
  g_clear_object (&candidates);

  candidates = find_candidates (client, "nobody-has-this.example", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 0);
  g_clear_object (&candidates);

  candidates = find_candidates (client, "not a domain", &error);
  g_assert_null (candidates);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Two accounts share the domain: say which. */
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, NULL,
                                   "We order for Groupe Hexagone.", &error_candidates, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED);
  g_assert_nonnull (error_candidates);
  g_assert_cmpuint (g_list_model_get_n_items (error_candidates), ==, 2);
  g_assert_true (g_list_model_get_item_type (error_candidates) == SA_TYPE_SMART_ACCOUNT);
  g_clear_error (&error);

  /* No such domain; an account of another domain. */
  request = create_access_request (client, "nobody-has-this.example", NULL, "Reason", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  g_clear_error (&error);
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, "SA-100017", "Reason", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND);
  g_clear_error (&error);

  /* No reason: refused locally. */
  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR, "  ", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  request = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR,
                                   "We order for Groupe Hexagone.", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_cmpint (sa_access_request_get_status (request), ==, SA_ACCESS_REQUEST_STATUS_PENDING);
  g_assert_cmpstr (sa_smart_account_get_id (sa_access_request_get_smart_account (request)), ==,
                   ACCOUNT_RESTRICTED_FR);
  g_assert_cmpstr (sa_access_request_get_reason (request), ==, "We order for Groupe Hexagone.");
  g_assert_null (sa_access_request_get_decided_date (request));

  /* Again: one is already pending. */
  again = create_access_request (client, DOMAIN_RESTRICTED_SHARED, ACCOUNT_RESTRICTED_FR,
                                 "Once more", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST);
  g_clear_error (&error);

  requests = list_access_requests (client, &error);
  g_assert_no_error (error);
  listed = g_list_model_get_item (requests, 0);
  g_assert_cmpstr (sa_access_request_get_id (listed), ==, sa_access_request_get_id (request));

  /* The administrator approves: the account appears in search. */
  decided = decide (client, sa_access_request_get_id (request), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_access_request_get_status (decided), ==, SA_ACCESS_REQUEST_STATUS_APPROVED);
  g_assert_nonnull (sa_access_request_get_decided_date (decided));
  g_clear_object (&decided);

  accounts = search_accounts (client, SA_ACCOUNT_SEARCH_DOMAIN, DOMAIN_RESTRICTED_SHARED, -1, &error);
  g_assert_no_error (error);
  found = model_find_account (accounts, DOMAIN_RESTRICTED_SHARED, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_nonnull (found);
  g_assert_cmpstr (sa_smart_account_get_id (found), ==, ACCOUNT_RESTRICTED_FR);
  /* Only the approved one. */
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);

  decided = decide (client, sa_access_request_get_id (request), FALSE, &error);
  g_assert_null (decided);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_clear_error (&error);

  decided = decide (client, "XR-999999", TRUE, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND);
}

static void
test_access_request_reminders (void)
{
  g_autoptr(SaClient) client = new_signed_in_client ();
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(SaAccessRequest) reminded = NULL;
  g_autoptr(SaAccessRequest) denied = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;

  request = create_access_request (client, DOMAIN_RESTRICTED_ONE, NULL,
                                   "We support the vineyard's network.", NULL, &error);
  g_assert_no_error (error);
  now = get_clock (client, &error);
  g_assert_no_error (error);
  g_assert_true (sa_access_request_can_remind (request, now));

  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_no_error (error);
  g_assert_null (next);
  g_assert_nonnull (sa_access_request_get_last_reminder_date (reminded));
  g_assert_nonnull (sa_access_request_get_next_reminder_date (reminded));
  g_assert_false (sa_access_request_can_remind (reminded, now));
  g_clear_object (&reminded);

  /* A second one the same day: too soon, with when it will be allowed. */
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_null (reminded);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_difference (next, now), >, 23 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_difference (next, now), <=, 24 * G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  g_clear_error (&error);
  g_clear_pointer (&next, g_date_time_unref);

  /* A day later it is allowed again. */
  g_clear_pointer (&now, g_date_time_unref);
  now = advance_clock (client, 1, &error);
  g_assert_no_error (error);
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminded);
  g_clear_object (&reminded);

  /* Decided: no more reminders. */
  denied = decide (client, sa_access_request_get_id (request), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_access_request_get_status (denied), ==, SA_ACCESS_REQUEST_STATUS_DENIED);
  g_assert_false (sa_access_request_can_remind (denied, now));
  reminded = send_reminder (client, sa_access_request_get_id (request), &next, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REQUEST_NOT_PENDING);
  g_assert_null (next);
  g_clear_error (&error);

  reminded = send_reminder (client, "XR-999999", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND);
  g_clear_error (&error);

  reminded = send_reminder (client, "../../oauth2/token", NULL, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
}

static void
test_insecure_uri (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("http://example.com/");
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing is sent: the password would cross the network in clear. */
  g_assert_false (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);

  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
}

/* A test double of the error details: VALIDATION_FAILED fields, and
 * REMINDER_TOO_SOON with only a Retry-After header. */
static void
details_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  if (g_str_equal (path, "/v1/account-requests"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"VALIDATION_FAILED\", \"statusMessage\": \"Invalid\","
        " \"fields\": {\"accountDomain\": \"Domain is reserved\", \"users[1]\": \"Bad e-mail\"}}";

      soup_server_message_set_status (msg, 422, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else if (g_str_has_suffix (path, "/reminders"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"REMINDER_TOO_SOON\", \"statusMessage\": \"Wait\"}";

      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "3600");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else if (g_str_equal (path, "/v1/access-requests"))
    {
      static const char body[] =
        "{\"status\": \"ERROR\", \"code\": \"ACCOUNT_ID_REQUIRED\", \"statusMessage\": \"Choose\","
        " \"candidates\": [{\"id\": \"SA-1\", \"domain\": \"x.example\", \"name\": \"X\","
        " \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}, {\"bogus\": true}]}";

      soup_server_message_set_status (msg, 422, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
    }
}

static void
test_error_details (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SaClient) client = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(SaAccessRequest) access = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GSList *uris;
  g_autofree char *uri = NULL;

  soup_server_add_handler (server, NULL, details_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  client = sa_desk_client_new (uri);

  request = create_account_request (client, "Trattoria", "mario@trattoria.example", "trattoria.example",
                                    NULL, &fields, &error);
  g_assert_null (request);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED);
  g_assert_nonnull (fields);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (fields, "accountDomain"), ==, "Domain is reserved");
  g_assert_cmpstr (g_hash_table_lookup (fields, "users[1]"), ==, "Bad e-mail");
  /* The user sees our sentence, not the server's. */
  g_assert_null (strstr (error->message, "reserved"));
  g_clear_error (&error);

  access = send_reminder (client, "XR-000001", &next, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON);
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_time_difference (next, now), >=, 3590 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (next, now), <=, 3660 * G_TIME_SPAN_SECOND);
  g_clear_error (&error);

  /* A malformed candidate list: the error stays, the list is dropped. */
  access = create_access_request (client, "x.example", NULL, "Reason", &candidates, &error);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED);
  g_assert_null (candidates);
}

/* 401 without renewal: the signal, then UNAUTHENTICATED. */
static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
test_sign_in_required (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new (sa_sandbox_thread_get_uri (sandbox));
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  guint required = 0;

  g_signal_connect_swapped (client, "sign-in-required", G_CALLBACK (count_signal), &required);
  g_assert_false (sa_client_get_renew_from_keyring (client));

  profile = get_profile (client, &error);
  g_assert_null (profile);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (required, ==, 1);
  g_clear_error (&error);

  g_assert_true (sign_in (client, TRAINING_USER, TRAINING_PASSWORD, &error));
  g_assert_no_error (error);
  profile = get_profile (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (required, ==, 1);
}

/* ------------------------------------------------------------------------ */

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        delete_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(GFile) data_file = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  data_dir = g_dir_make_tmp ("sa-test-client-XXXXXX", &error);
  g_assert_no_error (error);
  sandbox = sa_sandbox_thread_start (data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sandbox);

  g_test_add_func ("/client/sign-in", test_sign_in);
  g_test_add_func ("/client/unauthenticated", test_unauthenticated);
  g_test_add_func ("/client/orders/search", test_search_orders);
  g_test_add_func ("/client/orders/paging", test_search_orders_paging);
  g_test_add_func ("/client/orders/get", test_get_order);
  g_test_add_func ("/client/orders/not-found", test_order_not_found);
  g_test_add_func ("/client/orders/not-authorized", test_not_authorized);
  g_test_add_func ("/client/assign/success", test_assign_success);
  g_test_add_func ("/client/assign/pending-account", test_assign_pending_account);
  g_test_add_func ("/client/assign/shipped", test_assign_shipped);
  g_test_add_func ("/client/assign/wrong-account-type", test_assign_wrong_account_type);
  g_test_add_func ("/client/assign/virtual-account-not-found", test_assign_virtual_account_not_found);
  g_test_add_func ("/client/assign/terms-not-accepted", test_assign_terms_not_accepted);
  g_test_add_func ("/client/assign/smart-account-not-found", test_assign_smart_account_not_found);
  g_test_add_func ("/client/assign/version-conflict", test_assign_version_conflict);
  g_test_add_func ("/client/assign/precondition-required", test_assign_precondition_required);
  g_test_add_func ("/client/accounts/search", test_search_accounts);
  g_test_add_func ("/client/accounts/virtual-accounts", test_virtual_accounts);
  g_test_add_func ("/client/sandbox/reset", test_reset);
  g_test_add_func ("/client/transport/cancellation", test_cancellation);
  g_test_add_func ("/client/transport/network-error", test_network_error);
  g_test_add_func ("/client/transport/invalid-base-uri", test_invalid_base_uri);
  g_test_add_func ("/client/transport/timeout", test_timeout);
  g_test_add_func ("/client/transport/malformed-json", test_malformed_json);
  g_test_add_func ("/client/transport/server-error", test_server_error);
  g_test_add_func ("/client/transport/error-body-mapping", test_error_body_mapping);
  g_test_add_func ("/client/transport/request-format", test_request_format);
  g_test_add_func ("/client/transport/secrets-not-logged", test_secrets_not_logged);
  g_test_add_func ("/client/account-requests/create", test_account_request_create);
  g_test_add_func ("/client/account-requests/validation", test_account_request_validation);
  g_test_add_func ("/client/account-requests/expiry", test_account_request_expiry);
  g_test_add_func ("/client/profile/update", test_profile_update);
  g_test_add_func ("/client/access-requests/flow", test_access_request_flow);
  g_test_add_func ("/client/access-requests/reminders", test_access_request_reminders);
  g_test_add_func ("/client/transport/insecure-uri", test_insecure_uri);
  g_test_add_func ("/client/transport/error-details", test_error_details);
  g_test_add_func ("/client/transport/sign-in-required", test_sign_in_required);

  status = g_test_run ();

  sa_sandbox_thread_stop (sandbox);
  g_clear_object (&sandbox);

  data_file = g_file_new_for_path (data_dir);
  delete_tree (data_file);

  return status;
}
