/* test-sandbox-orders.c — orders over loopback: search, paging, details, the
 * Smart Account assignment change (procedures 1 and 2) and
 * POST /sandbox/orders/…/ship
 *
 * Every rule of docs/desk-api.md: status code, error code, and the data state
 * checked by a follow-up request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sandbox-test-util.h"

/* ------------------------------------------------------------------------ */
/* Orders                                                                   */

static void
test_orders_list (SbtFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonArray *orders;
  guint status, i, offset;
  guint shipped = 0, hold = 0, unassigned = 0, holding_only = 0, assigned = 0;
  static const char *const bad[] = {
    "/v1/orders?limit=0", "/v1/orders?limit=101", "/v1/orders?limit=-1", "/v1/orders?limit=abc",
    "/v1/orders?limit=+5", "/v1/orders?offset=-1", "/v1/orders?offset=x",
    "/v1/orders?limit=99999999999999999999999", "/v1/orders?limit=", "/v1/orders?searchBy=status&value=BOOKED",
    "/v1/orders?searchBy=salesOrderNumber", "/v1/orders?value=1048",
    "/v1/orders?searchBy=salesOrderNumber&value=",
    "/v1/orders?searchBy=salesOrderNumber&value=abc",
  };

  all = sbt_fixture_call (f, "GET", "/v1/orders", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (all);
  g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, N_VISIBLE_ORDERS);
  g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 50);
  g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, 0);
  orders = json_object_get_array_member (object, "orders");
  g_assert_cmpuint (json_array_get_length (orders), ==, N_VISIBLE_ORDERS);

  for (i = 0; i < json_array_get_length (orders); i++)
    {
      JsonObject *order = json_array_get_object_element (orders, i);
      const char *number = json_object_get_string_member (order, "salesOrderNumber");
      gboolean ec = !json_object_get_null_member (order, "endCustomer");
      gboolean h = !json_object_get_null_member (order, "holding");

      g_assert_false (g_str_has_prefix (number, "2097152"));
      g_assert_cmpuint (strlen (number), ==, 9);
      g_hash_table_add (statuses, (gpointer) json_object_get_string_member (order, "status"));
      shipped += g_strcmp0 (json_object_get_string_member (order, "status"), "SHIPPED") == 0;
      hold += json_object_get_boolean_member (order, "exportHold");
      unassigned += !ec && !h;
      holding_only += !ec && h;
      assigned += ec;
    }
  /* the training data the documents need */
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 4);
  g_assert_cmpuint (shipped, >=, 3);
  g_assert_cmpuint (hold, >=, 2);
  g_assert_cmpuint (unassigned, >=, 5);
  g_assert_cmpuint (holding_only, >=, 3);
  g_assert_cmpuint (assigned, >=, 3);

  /* paging: pages of 7 give every order exactly once */
  for (offset = 0; offset < N_VISIBLE_ORDERS + 7; offset += 7)
    {
      g_autofree char *path = g_strdup_printf ("/v1/orders?limit=7&offset=%u", offset);
      g_autoptr(JsonNode) page = sbt_fixture_call (f, "GET", path, NULL, &status);
      JsonArray *items;

      g_assert_cmpuint (status, ==, 200);
      object = json_node_get_object (page);
      g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==, N_VISIBLE_ORDERS);
      g_assert_cmpint (json_object_get_int_member (object, "offset"), ==, offset);
      g_assert_cmpint (json_object_get_int_member (object, "limit"), ==, 7);
      items = json_object_get_array_member (object, "orders");
      g_assert_cmpuint (json_array_get_length (items), ==,
                        offset >= N_VISIBLE_ORDERS ? 0 : MIN (7, N_VISIBLE_ORDERS - offset));
      for (i = 0; i < json_array_get_length (items); i++)
        {
          const char *number = json_object_get_string_member (json_array_get_object_element (items, i),
                                                              "salesOrderNumber");

          g_assert_true (g_hash_table_add (seen, g_strdup (number)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_VISIBLE_ORDERS);

  sbt_assert_gets_refused (f, bad, G_N_ELEMENTS (bad), 400, "INVALID_REQUEST");
}

/* GET /v1/orders?searchBy=@field&value=@value: every order found has
 * @must_contain in @field (any case); the number found. */
static guint
search_orders (SbtFixture *f,
               const char *field,
               const char *value,
               const char *must_contain)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/orders?searchBy=%s&value=%s", field, escaped);
  g_autofree char *folded = g_utf8_casefold (must_contain, -1);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *orders = sbt_get_list (f, path, "orders", &node);
  guint i;

  for (i = 0; i < json_array_get_length (orders); i++)
    {
      const char *found = json_object_get_string_member (json_array_get_object_element (orders, i), field);
      g_autofree char *v = g_utf8_casefold (found, -1);

      g_assert_nonnull (strstr (v, folded));
    }

  return json_array_get_length (orders);
}

static void
test_orders_search (SbtFixture    *f,
                    gconstpointer  data)
{
  static const struct
  {
    const char *field;
    const char *value;
    const char *must_contain;
    guint       found;
  } searches[] = {
    { "salesOrderNumber", ORDER_UNASSIGNED, ORDER_UNASSIGNED, 1 },
    { "salesOrderNumber", "10485760", "10485760", 9 },       /* contains: 10485760x */
    { "webOrderId", "wo73910452", "WO73910452", 1 },          /* case-insensitive */
    { "webOrderId", "WO739", "WO739", N_VISIBLE_ORDERS },
    { "purchaseOrderNumber", "po-acme", "PO-ACME", 6 },       /* not the other partner's PO-ACME-BH-77 */
    { "salesOrderNumber", "2097152", "2097152", 0 },
    { "webOrderId", "WO812", "WO812", 0 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (searches); i++)
    g_assert_cmpuint (search_orders (f, searches[i].field, searches[i].value, searches[i].must_contain), ==,
                      searches[i].found);
}

static void
test_order_get (SbtFixture    *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) assigned = NULL;
  g_autoptr(JsonNode) hold = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  JsonObject *order, *ec;
  guint status;
  static const char *const bad[] = {
    "/v1/orders/12ab", "/v1/orders/123456789012345678901", "/v1/orders/-1", "/v1/orders/%20",
  };

  node = sbt_call (f->session, f->base, f->token, "GET", "/v1/orders/" ORDER_UNASSIGNED, NULL, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "ETag"), ==, "\"1\"");
  order = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (order, "salesOrderNumber"), ==, ORDER_UNASSIGNED);
  g_assert_cmpstr (json_object_get_string_member (order, "webOrderId"), ==, "WO73910452");
  g_assert_cmpstr (json_object_get_string_member (order, "purchaseOrderNumber"), ==, "PO-ACME-2291");
  g_assert_cmpstr (json_object_get_string_member (order, "status"), ==, "BOOKED");
  g_assert_false (json_object_get_boolean_member (order, "exportHold"));
  g_assert_cmpstr (json_object_get_string_member (order, "endCustomerName"), ==, "Acme Industrie SA");
  g_assert_nonnull (json_object_get_string_member (order, "description"));
  g_assert_nonnull (json_object_get_string_member (order, "createdDate"));
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (order, "endCustomer"));
  g_assert_true (json_object_get_null_member (order, "holding"));

  order = sbt_get_order (f, ORDER_ASSIGNED, &assigned);
  ec = json_object_get_object_member (order, "endCustomer");
  g_assert_cmpstr (json_object_get_string_member (ec, "domain"), ==, "acme-industrie.fr");
  g_assert_cmpstr (json_object_get_string_member (ec, "name"), ==, "Acme Industrie");
  g_assert_cmpstr (json_object_get_string_member (ec, "type"), ==, "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (ec, "status"), ==, "ACTIVE");
  g_assert_cmpstr (json_object_get_string_member (ec, "virtualAccount"), ==, "DEFAULT");

  order = sbt_get_order (f, ORDER_EXPORT_HOLD, &hold);
  g_assert_true (json_object_get_boolean_member (order, "exportHold"));

  sbt_assert_refused (f, "GET", "/v1/orders/" ORDER_OTHER_PARTNER, NULL, 403, "NOT_AUTHORIZED");
  sbt_assert_refused (f, "GET", "/v1/orders/" ORDER_MISSING, NULL, 404, "ORDER_NOT_FOUND");
  sbt_assert_gets_refused (f, bad, G_N_ELEMENTS (bad), 400, "INVALID_REQUEST");
}

/* ------------------------------------------------------------------------ */
/* The assignment change                                                    */

static void
assert_assignment (JsonObject *order,
                   const char *slot,
                   const char *domain,
                   const char *name,
                   const char *status,
                   const char *va)
{
  JsonObject *a;

  if (domain == NULL)
    {
      g_assert_true (json_object_get_null_member (order, slot));
      return;
    }
  a = json_object_get_object_member (order, slot);
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (a, "domain"), ==, domain);
  g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (a, "type"), ==,
                   g_str_equal (slot, "holding") ? "HOLDING" : "CUSTOMER");
  g_assert_cmpstr (json_object_get_string_member (a, "status"), ==, status);
  g_assert_cmpstr (json_object_get_string_member (a, "virtualAccount"), ==, va);
}

#define ACME "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}"

/* The cases refused, and ORDER_UNASSIGNED left as it was (version 1). */
static void
assert_unassigned_kept (SbtFixture       *f,
                        const SbtRefusal *cases,
                        gsize             n_cases)
{
  sbt_assert_refusals (f, cases, n_cases);
  g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, 1);
}

/* A PUT of the assignment that must succeed; the updated order, which
 * *@holder keeps. */
static JsonObject *
put_ok (SbtFixture  *f,
        const char  *number,
        const char  *if_match,
        const char  *json,
        JsonNode   **holder)
{
  guint status;

  *holder = sbt_put_assignment (f, number, if_match, json, &status);
  g_assert_cmpuint (status, ==, 200);

  return json_node_get_object (*holder);
}

static void
test_assign_success (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) put2 = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) after2 = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  const char *json = "{" EC ("acme-industrie.fr", "Production") ", " TERMS "}";
  JsonObject *order;
  guint status;

  body = g_bytes_new (json, strlen (json));
  put = sbt_request (f->session, f->base, f->token, "PUT", "/v1/orders/" ORDER_UNASSIGNED "/smart-account-assignment",
                     "\"1\"", "application/json", body, &status, &headers);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "ETag"), ==, "\"2\"");
  order = json_node_get_object (put);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 2);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
  assert_assignment (order, "holding", NULL, NULL, NULL, NULL);

  order = sbt_get_order (f, ORDER_UNASSIGNED, &after);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 2);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");

  /* the holding slot alone: the End Customer slot stays as it is */
  put_ok (f, ORDER_UNASSIGNED, "\"2\"",
          "{" HOLD ("northwind-networks.example", "Stock") ", \"endCustomer\": null, " TERMS "}", &put2);
  order = sbt_get_order (f, ORDER_UNASSIGNED, &after2);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 3);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "Stock");
}

/* Procedure 2: move an order from the Holding account to the End Customer's. */
static void
test_assign_from_holding (SbtFixture    *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;

  order = sbt_get_order (f, ORDER_HOLDING_ONLY, &before);
  assert_assignment (order, "endCustomer", NULL, NULL, NULL, NULL);
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "DEFAULT");

  put_ok (f, ORDER_HOLDING_ONLY, "\"2\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", &put);
  order = sbt_get_order (f, ORDER_HOLDING_ONLY, &after);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "DEFAULT");
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 3);
}

static void
test_assign_pending (SbtFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) put_h = NULL;

  put_ok (f, ORDER_UNASSIGNED_2, "\"1\"", "{" EC ("boulangeries-delorme.example", "Magasins") ", " TERMS "}", &put);
  assert_assignment (sbt_get_order (f, ORDER_UNASSIGNED_2, &after), "endCustomer",
                     "boulangeries-delorme.example", "Boulangeries Delorme", "PENDING", "Magasins");

  /* a Pending Holding account too */
  assert_assignment (put_ok (f, ORDER_UNASSIGNED_2, "\"2\"",
                             "{" HOLD ("alpes-distribution.example", "DEFAULT") ", " TERMS "}", &put_h),
                     "holding", "alpes-distribution.example",
                     "Alpes Distribution Holding", "PENDING", "DEFAULT");
}

static void
test_assign_wrong_type (SbtFixture    *f,
                        gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    /* a CUSTOMER account in the Holding slot */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" HOLD ("acme-industrie.fr", "DEFAULT") ", " TERMS "}", 422, "WRONG_ACCOUNT_TYPE"),
    /* a HOLDING account in the End Customer slot */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("alpes-distribution.example", "DEFAULT") ", " TERMS "}", 422, "WRONG_ACCOUNT_TYPE"),
  };
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));

  /* the shared domain: each slot takes the account of its own type */
  put_ok (f, ORDER_UNASSIGNED, "\"1\"",
          "{" EC ("northwind-networks.example", "Demo Lab") ", "
              HOLD ("northwind-networks.example", "Stock") ", " TERMS "}", &put);
  order = sbt_get_order (f, ORDER_UNASSIGNED, &after);
  assert_assignment (order, "endCustomer", "northwind-networks.example", "Northwind Networks SARL",
                     "ACTIVE", "Demo Lab");
  assert_assignment (order, "holding", "northwind-networks.example", "Northwind Networks Holding",
                     "ACTIVE", "Stock");
}

static void
test_assign_virtual_account (SbtFixture    *f,
                             gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    /* the VA exists, but under another account */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "東京オフィス") ", " TERMS "}", 422, "VIRTUAL_ACCOUNT_NOT_FOUND"),
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "default") ", " TERMS "}", 422, "VIRTUAL_ACCOUNT_NOT_FOUND"),
  };
  g_autoptr(JsonNode) put = NULL;
  g_autoptr(JsonNode) after = NULL;

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));

  /* the double-byte name works and comes back as it was */
  put_ok (f, ORDER_UNASSIGNED, "\"1\"", "{" EC ("sakura-trading.example", "東京オフィス") ", " TERMS "}", &put);
  assert_assignment (sbt_get_order (f, ORDER_UNASSIGNED, &after), "endCustomer", "sakura-trading.example",
                     "Sakura Trading Europe", "ACTIVE", "東京オフィス");
}

static void
test_assign_terms (SbtFixture    *f,
                   gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", \"termsAccepted\": false}", 422, "TERMS_NOT_ACCEPTED"),
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") "}", 422, "TERMS_NOT_ACCEPTED"),
  };

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));
}

static void
test_assign_preconditions (SbtFixture    *f,
                           gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    PUT (ORDER_UNASSIGNED, NULL, ACME, 428, "PRECONDITION_REQUIRED"),
    /* stale, weak, any, unquoted, several, garbage */
    PUT (ORDER_UNASSIGNED, "\"0\"", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "\"2\"", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "W/\"1\"", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "*", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "1", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "\"1\", \"2\"", ACME, 412, "VERSION_CONFLICT"),
    PUT (ORDER_UNASSIGNED, "garbage", ACME, 412, "VERSION_CONFLICT"),
  };
  /* a lost update: the second writer still holding "1" is refused */
  static const SbtRefusal replay = PUT (ORDER_UNASSIGNED, "\"1\"", ACME, 412, "VERSION_CONFLICT");
  g_autoptr(JsonNode) ok = NULL;

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));

  put_ok (f, ORDER_UNASSIGNED, "\"1\"", ACME, &ok);
  sbt_assert_refusals (f, &replay, 1);
  g_assert_cmpint (sbt_order_version (f, ORDER_UNASSIGNED), ==, 2);
}

#define KESTREL "{" EC ("kestrel-logistics.example", "DEFAULT") ", " TERMS "}"

static void
test_assign_shipped (SbtFixture    *f,
                     gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    PUT (ORDER_SHIPPED, "\"4\"", KESTREL, 409, "ORDER_SHIPPED"),
    /* check order: If-Match before SHIPPED */
    PUT (ORDER_SHIPPED, "\"3\"", KESTREL, 412, "VERSION_CONFLICT"),
    PUT (ORDER_SHIPPED, NULL, KESTREL, 428, "PRECONDITION_REQUIRED"),
    /* SHIPPED before terms and accounts */
    PUT (ORDER_SHIPPED, "\"4\"", "{" HOLD ("acme-industrie.fr", "nope") ", \"termsAccepted\": false}", 409, "ORDER_SHIPPED"),
  };
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;

  sbt_assert_refusals (f, refused, G_N_ELEMENTS (refused));

  order = sbt_get_order (f, ORDER_SHIPPED, &after);
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 4);
  assert_assignment (order, "endCustomer", "acme-industrie.fr", "Acme Industrie", "ACTIVE", "Production");
}

static void
test_assign_not_found (SbtFixture    *f,
                       gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    PUT (ORDER_MISSING, "\"1\"", ACME, 404, "ORDER_NOT_FOUND"),
    /* order before If-Match */
    PUT (ORDER_MISSING, NULL, ACME, 404, "ORDER_NOT_FOUND"),
    /* access before If-Match */
    PUT (ORDER_OTHER_PARTNER, NULL, ACME, 403, "NOT_AUTHORIZED"),
    PUT (ORDER_OTHER_PARTNER, "\"1\"", ACME, 403, "NOT_AUTHORIZED"),
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("nobody-here.example", "DEFAULT") ", " TERMS "}", 404, "SMART_ACCOUNT_NOT_FOUND"),
  };

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));
}

static void
test_assign_check_order (SbtFixture    *f,
                         gconstpointer  data)
{
  static const SbtRefusal refused[] = {
    /* body (400) before order (404) */
    PUT (ORDER_MISSING, NULL, "{\"termsAccepted\": \"yes\"}", 400, "INVALID_REQUEST"),
    /* If-Match (412) before terms (422) */
    PUT (ORDER_UNASSIGNED, "\"7\"", "{" EC ("acme-industrie.fr", "DEFAULT") "}", 412, "VERSION_CONFLICT"),
    /* terms (422 TERMS) before accounts (404) */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("nobody-here.example", "DEFAULT") "}", 422, "TERMS_NOT_ACCEPTED"),
    /* account type before Virtual Account */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" HOLD ("acme-industrie.fr", "nope") ", " TERMS "}", 422, "WRONG_ACCOUNT_TYPE"),
    /* a good End Customer does not rescue a bad Holding: nothing changes */
    PUT (ORDER_UNASSIGNED, "\"1\"", "{" EC ("acme-industrie.fr", "DEFAULT") ", " HOLD ("northwind-networks.example", "Lab") ", " TERMS "}",
         422, "VIRTUAL_ACCOUNT_NOT_FOUND"),
  };

  assert_unassigned_kept (f, refused, G_N_ELEMENTS (refused));
}

static void
test_ship_and_reset (SbtFixture    *f,
                     gconstpointer  data)
{
  static const SbtRefusal refused = PUT (ORDER_UNASSIGNED, "\"2\"", ACME, 409, "ORDER_SHIPPED");
  g_autoptr(JsonNode) shipped = NULL;
  g_autoptr(JsonNode) put_holding = NULL;
  g_autoptr(JsonNode) reset = NULL;
  g_autoptr(JsonNode) after = NULL;
  JsonObject *order;
  guint status;

  put_ok (f, ORDER_ASSIGNED, "\"3\"", "{" HOLD ("northwind-networks.example", "DEFAULT") ", " TERMS "}", &put_holding);

  shipped = sbt_fixture_call (f, "POST", "/sandbox/orders/" ORDER_UNASSIGNED "/ship", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (shipped, "status"), ==, "SHIPPED");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (shipped), "version"), ==, 2);

  sbt_assert_refusals (f, &refused, 1);
  sbt_assert_refused (f, "POST", "/sandbox/orders/" ORDER_OTHER_PARTNER "/ship", NULL, 403, "NOT_AUTHORIZED");

  reset = sbt_fixture_call (f, "POST", "/sandbox/reset", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (reset, "status"), ==, "OK");

  order = sbt_get_order (f, ORDER_UNASSIGNED, &after);
  g_assert_cmpstr (json_object_get_string_member (order, "status"), ==, "BOOKED");
  g_assert_cmpint (json_object_get_int_member (order, "version"), ==, 1);
  g_assert_cmpint (sbt_order_version (f, ORDER_ASSIGNED), ==, 3);
  g_assert_cmpint (sbt_order_count (f), ==, N_VISIBLE_ORDERS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("orders/list-and-paging", test_orders_list);
  SBT_ADD ("orders/search", test_orders_search);
  SBT_ADD ("orders/get", test_order_get);
  SBT_ADD ("orders/ship-and-reset", test_ship_and_reset);
  SBT_ADD ("assign/success", test_assign_success);
  SBT_ADD ("assign/from-holding", test_assign_from_holding);
  SBT_ADD ("assign/pending-account", test_assign_pending);
  SBT_ADD ("assign/wrong-account-type", test_assign_wrong_type);
  SBT_ADD ("assign/virtual-account", test_assign_virtual_account);
  SBT_ADD ("assign/terms", test_assign_terms);
  SBT_ADD ("assign/preconditions", test_assign_preconditions);
  SBT_ADD ("assign/shipped", test_assign_shipped);
  SBT_ADD ("assign/not-found-and-forbidden", test_assign_not_found);
  SBT_ADD ("assign/check-order", test_assign_check_order);

  return g_test_run ();
}
