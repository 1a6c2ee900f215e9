/* cisco-mimic-routes.c — the Cisco test double's API routes and fixtures
 *
 * Smart Account search, /v2/accounts, Virtual Accounts, licenses (paged),
 * license transfer and checkOrderStatus, with the shapes of CISCO-APIS.md §6
 * (values there marked synthesized are synthesized here too). Fixed answers
 * are the document's JSON as it is; computed ones are built with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cisco-mimic-private.h"

#define BIG_DOMAIN      "big.example"
#define BIG_LICENSES    150

static const struct
{
  const char *domain;
  const char *name;
  int         id;
  const char *type;
  const char *status;
} accounts[] = {
  { "acme-industrie.fr", "Acme Industrie", 120152, "CUSTOMER", "Active" },
  { "acmetools.example", "Acme Tools", 120153, "CUSTOMER", "Active" },
  { "acme-holding.example", "Acme Partner Holding", 120154, "HOLDING", "Active" },
  { "pending-customer.example", "Pending Customer", 120155, "CUSTOMER", "Pending" },
  { BIG_DOMAIN, "Big Licenses", 120156, "CUSTOMER", "Active" },
};

/* §6.4, as it is. */
static const char v2_accounts[] =
  "{\"accounts\":[{\"accountName\":\"Acme Industrie\",\"accountDomain\":\"acme-industrie.fr\","
  "\"accountStatus\":\"Active\",\"accountType\":\"CUSTOMER\",\"roles\":[{\"role\":\"Smart Account User\"},"
  "{\"role\":\"Virtual Account Administrator\",\"virtualAccount\":\"DEFAULT\"}]}],"
  "\"status\":\"SUCCESS\",\"statusMessage\":\"\"}";

/* §6.5, as it is. */
static const char acme_virtual_accounts[] =
  "{\"virtualAccounts\":[{\"name\":\"DEFAULT\",\"description\":\"\",\"isDefault\":\"true\","
  "\"commerceAccessLevel\":\"PUBLIC\"},{\"name\":\"東京支社\",\"description\":\"\",\"isDefault\":\"false\","
  "\"commerceAccessLevel\":\"PUBLIC\"}],\"status\":\"SUCCESS\",\"statusMessage\":\"\"}";

static const char default_virtual_accounts[] =
  "{\"virtualAccounts\":[{\"name\":\"DEFAULT\",\"description\":\"\",\"isDefault\":\"true\","
  "\"commerceAccessLevel\":\"PUBLIC\"}],\"status\":\"SUCCESS\",\"statusMessage\":\"\"}";

/* §1.2's real example, in Acme's Virtual Accounts, with orderNumber (§6.6);
 * the second license is synthesized. */
static const char acme_licenses[] =
  "[{\"license\":\"DNA Advantage For SDWAN\",\"reserved\":0,\"billingType\":\"PREPAID\","
  "\"isPortable\":false,\"virtualAccount\":\"DEFAULT\",\"ahaApps\":false,\"pendingQuantity\":0,"
  "\"licenseDetails\":[{\"startDate\":\"2019-05-20\",\"endDate\":\"2022-05-19\","
  "\"subscriptionId\":\"Sub269233\",\"status\":\"ACTIVE\",\"licenseType\":\"TERM\",\"quantity\":100,"
  "\"orderNumber\":\"104857601\",\"licenseSku\":\"DNA-A-SDWAN-3Y\"}],"
  "\"licenseSubstitutions\":[],\"available\":200,\"inUse\":0,\"quantity\":200,"
  "\"status\":\"In Compliance\"},"
  "{\"license\":\"Catalyst 9300 DNA Essentials\",\"reserved\":0,\"billingType\":\"PREPAID\","
  "\"isPortable\":false,\"virtualAccount\":\"東京支社\",\"ahaApps\":false,\"pendingQuantity\":0,"
  "\"licenseDetails\":[{\"startDate\":\"2026-10-02\",\"endDate\":null,\"status\":\"ACTIVE\","
  "\"licenseType\":\"PERPETUAL\",\"quantity\":2,\"orderNumber\":104857999,"
  "\"licenseSku\":\"C9300-DNA-E-24\"}],\"licenseSubstitutions\":[],\"available\":2,\"inUse\":0,"
  "\"quantity\":2,\"status\":\"In Compliance\"}]";

/* §6.8, as it is. */
static const char order_found[] =
  "{\"ShowPurchaseOrder\":{\"value\":{\"DataArea\":{"
  "\"Show\":{\"ResponseCriteria\":[{\"ResponseExpression\":{\"value\":\"Success\"}}]},"
  "\"PurchaseOrder\":[{\"PurchaseOrderHeader\":{"
  "\"ID\":{\"value\":\"PO-ACME-2291\"},"
  "\"DocumentReference\":[{\"ID\":{\"value\":\"WO73910452\"}}],"
  "\"SalesOrderReference\":[{\"ID\":{\"value\":\"104857601\"}}],"
  "\"Status\":[{\"Description\":{\"value\":\"Booked\"}}],"
  "\"BillToParty\":{\"Name\":[{\"value\":\"Northwind Networks\"}]},"
  "\"ShipToParty\":{\"Name\":[{\"value\":\"Acme Industrie SA\"}]},"
  "\"Party\":[{\"Name\":[{\"value\":\"Acme Industrie SA\"}]}],"
  "\"TotalAmount\":{\"value\":18250.0,\"currencyCode\":\"EUR\"}},"
  "\"PurchaseOrderLine\":[{\"Item\":{\"ID\":{\"value\":\"C9300-24T-E\"},"
  "\"Description\":[{\"value\":\"Catalyst 9300 24-port\"}],\"Lot\":[{\"Quantity\":{\"value\":2}}]},"
  "\"SalesOrderReference\":{\"LineNumberID\":{\"value\":\"1.1\"}},\"ExtendedAmount\":{\"value\":18250.0},"
  "\"PromisedDeliveryDateTime\":\"2026-10-02T07:00:00Z\",\"LineIDSet\":[{\"ID\":[{\"value\":\"1\"}]}]}]}]}}}}";

/* A shipped order, whose licenses sit in Acme's 東京支社 Virtual Account
 * (synthesized, in §6.8's shape). */
static const char order_shipped[] =
  "{\"ShowPurchaseOrder\":{\"value\":{\"DataArea\":{"
  "\"Show\":{\"ResponseCriteria\":[{\"ResponseExpression\":{\"value\":\"Success\"}}]},"
  "\"PurchaseOrder\":[{\"PurchaseOrderHeader\":{"
  "\"ID\":{\"value\":\"PO-ACME-2305\"},"
  "\"SalesOrderReference\":[{\"ID\":{\"value\":\"104857999\"}}],"
  "\"Status\":[{\"Description\":{\"value\":\"Shipped\"}}],"
  "\"BillToParty\":{\"Name\":[{\"value\":\"Northwind Networks\"}]},"
  "\"Party\":[{\"Name\":[{\"value\":\"Acme Industrie SA\"}]}]},"
  "\"PurchaseOrderLine\":[{\"Item\":{\"ID\":{\"value\":\"C9300-DNA-E-24\"},"
  "\"Description\":[{\"value\":\"Catalyst 9300 DNA Essentials\"}],\"Lot\":[{\"Quantity\":{\"value\":2}}]},"
  "\"SalesOrderReference\":{\"LineNumberID\":{\"value\":\"1.1\"}}}]}]}}}}";

/* Not found / not allowed: HTTP 200, OSA001, no PurchaseOrder (§6.8; the text
 * around the code is synthesized). */
static const char order_not_found[] =
  "{\"ShowPurchaseOrder\":{\"value\":{\"DataArea\":{"
  "\"Show\":{\"ResponseCriteria\":[{\"ResponseExpression\":{\"value\":\"OSA001 - No data found\"}}]}}}}}";

/* ------------------------------------------------------------------------ */
/* Helpers */

/**
 * mimic_respond:
 *
 * Answers @msg with @status and @data (any bytes; no Content-Type when
 * @content_type is %NULL), and notes the status in the log entry.
 */
void
mimic_respond (SoupServerMessage *msg,
         Entry             *entry,
         guint              status,
         const char        *content_type,
         const char        *data,
         gsize              length)
{
  entry->status = status;
  soup_server_message_set_status (msg, status, NULL);
  if (data != NULL && content_type != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, length);
  else if (data != NULL)  /* a body without a Content-Type */
    soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, data, length);
}

/**
 * mimic_respond_json:
 *
 * Answers @msg with @status and the JSON text @json.
 */
void
mimic_respond_json (SoupServerMessage *msg,
              Entry             *entry,
              guint              status,
              const char        *json)
{
  mimic_respond (msg, entry, status, "application/json", json, strlen (json));
}

static void
respond_node (SoupServerMessage *msg,
              Entry             *entry,
              JsonNode          *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  mimic_respond_json (msg, entry, 200, json);
}

static gboolean
contains_nocase (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

static int
known_account (const char *domain)
{
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (g_strcmp0 (accounts[i].domain, domain) == 0)
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------ */
/* Smart Accounts & Licensing */

static void
add_account_row (JsonBuilder *builder,
                 guint        i,
                 gboolean     alternate)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, alternate ? "accountDomain" : "domain");
  json_builder_add_string_value (builder, accounts[i].domain);
  json_builder_set_member_name (builder, alternate ? "accountName" : "name");
  json_builder_add_string_value (builder, accounts[i].name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, accounts[i].id);
  json_builder_set_member_name (builder, alternate ? "accountType" : "type");
  json_builder_add_string_value (builder, accounts[i].type);
  json_builder_set_member_name (builder, alternate ? "accountStatus" : "status");
  json_builder_add_string_value (builder, accounts[i].status);
  json_builder_end_object (builder);
}

static void
handle_search (CiscoMimic        *self,
               SoupServerMessage *msg,
               GHashTable        *query,
               Entry             *entry)
{
  const char *domain = query ? g_hash_table_lookup (query, "domain") : NULL;
  const char *name = query ? g_hash_table_lookup (query, "name") : NULL;
  const char *type = query ? g_hash_table_lookup (query, "type") : NULL;
  const char *limit_text = query ? g_hash_table_lookup (query, "limit") : NULL;
  const char *offset_text = query ? g_hash_table_lookup (query, "offset") : NULL;
  guint64 limit = 50, offset = 0;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint matched = 0, shown = 0;
  gboolean alternate;

  if (domain == NULL && name == NULL)
    {
      mimic_respond_json (msg, entry, 400, "{\"status\":\"ERROR\",\"statusMessage\":\"domain or name is required\"}");
      return;
    }
  if (limit_text != NULL)
    g_ascii_string_to_unsigned (limit_text, 10, 1, 1000, &limit, NULL);
  if (offset_text != NULL)
    g_ascii_string_to_unsigned (offset_text, 10, 0, G_MAXUINT, &offset, NULL);

  g_mutex_lock (&self->mutex);
  alternate = self->alternate;
  g_mutex_unlock (&self->mutex);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      /* Substring match, as Cisco's search does (§1.2). */
      if (domain != NULL && !contains_nocase (accounts[i].domain, domain))
        continue;
      if (name != NULL && !contains_nocase (accounts[i].name, name))
        continue;
      if (type != NULL && g_ascii_strcasecmp (type, accounts[i].type) != 0)
        continue;
      if (matched++ < offset || shown >= limit)
        continue;
      add_account_row (builder, i, alternate);
      shown++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, matched);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "SUCCESS");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  respond_node (msg, entry, root);
}

static JsonArray *
licenses_of (const char *domain)
{
  g_autoptr(JsonNode) node = NULL;

  if (g_strcmp0 (domain, "acme-industrie.fr") == 0)
    {
      node = parse (acme_licenses);
      return json_array_ref (json_node_get_array (node));
    }

  if (g_strcmp0 (domain, BIG_DOMAIN) == 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < BIG_LICENSES; i++)
        {
          g_autofree char *text =
            g_strdup_printf ("{\"license\":\"License %03u\",\"quantity\":%u,\"inUse\":0,\"available\":%u,"
                             "\"status\":\"In Compliance\",\"virtualAccount\":\"DEFAULT\","
                             "\"licenseDetails\":[{\"licenseType\":\"PERPETUAL\",\"quantity\":%u,"
                             "\"status\":\"ACTIVE\",\"orderNumber\":\"%u\"}]}",
                             i, i + 1, i + 1, i + 1, 200000000 + i);

          json_array_add_element (array, parse (text));
        }
      return array;
    }

  return json_array_new ();
}

static void
handle_licenses (CiscoMimic        *self,
                 SoupServerMessage *msg,
                 const char        *domain,
                 GHashTable        *query,
                 Entry             *entry)
{
  g_autoptr(JsonNode) request = parse (entry->body);
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *wanted;
  gint64 limit = 100, offset = 0;
  guint matched = 0;

  /* An empty body is answered 400 (§1.2, Cisco.Api commit 0de23df). */
  if (request == NULL || !JSON_NODE_HOLDS_OBJECT (request))
    {
      mimic_respond_json (msg, entry, 400, "{\"status\":\"ERROR\",\"statusMessage\":\"Invalid request body\"}");
      return;
    }
  if (known_account (domain) < 0)
    {
      mimic_respond_json (msg, entry, 404, "{\"status\":\"ERROR\",\"statusMessage\":\"Smart Account not found\"}");
      return;
    }

  /* limit and offset in the body and in the query (§6.6). */
  object = json_node_get_object (request);
  if (json_object_has_member (object, "limit"))
    limit = json_object_get_int_member (object, "limit");
  if (json_object_has_member (object, "offset"))
    offset = json_object_get_int_member (object, "offset");
  if (query != NULL && g_hash_table_lookup (query, "limit") != NULL)
    limit = g_ascii_strtoll (g_hash_table_lookup (query, "limit"), NULL, 10);
  if (query != NULL && g_hash_table_lookup (query, "offset") != NULL)
    offset = g_ascii_strtoll (g_hash_table_lookup (query, "offset"), NULL, 10);
  wanted = json_object_has_member (object, "virtualAccounts")
           ? json_object_get_array_member (object, "virtualAccounts") : NULL;

  all = licenses_of (domain);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "licenses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *license = json_array_get_object_element (all, i);
      const char *virtual_account = json_object_get_string_member (license, "virtualAccount");
      gboolean keep = wanted == NULL;

      for (guint j = 0; wanted != NULL && j < json_array_get_length (wanted); j++)
        if (g_strcmp0 (json_array_get_string_element (wanted, j), virtual_account) == 0)
          keep = TRUE;
      if (!keep)
        continue;
      if (matched++ < offset || (limit >= 0 && matched > offset + limit))
        continue;
      json_builder_add_value (builder, json_node_copy (json_array_get_element (all, i)));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "totalRecords");
  json_builder_add_int_value (builder, matched);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "SUCCESS");
  json_builder_set_member_name (builder, "statusMessage");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  respond_node (msg, entry, root);
}

static void
handle_transfer (CiscoMimic        *self,
                 SoupServerMessage *msg,
                 const char        *domain,
                 const char        *source,
                 Entry             *entry)
{
  g_autoptr(JsonNode) request = parse (entry->body);
  g_autoptr(JsonArray) all = licenses_of (domain);
  JsonArray *wanted;

  if (request == NULL || !JSON_NODE_HOLDS_OBJECT (request) ||
      !json_object_has_member (json_node_get_object (request), "licenses"))
    {
      mimic_respond_json (msg, entry, 400, "{\"status\":\"ERROR\",\"statusMessage\":\"Invalid request body\"}");
      return;
    }

  wanted = json_object_get_array_member (json_node_get_object (request), "licenses");
  for (guint i = 0; i < json_array_get_length (wanted); i++)
    {
      JsonObject *transfer = json_array_get_object_element (wanted, i);
      const char *license = json_object_get_string_member_with_default (transfer, "license", "");
      gint64 quantity = json_object_get_int_member_with_default (transfer, "quantity", 0);
      gint64 available = 0;

      for (guint j = 0; j < json_array_get_length (all); j++)
        {
          JsonObject *held = json_array_get_object_element (all, j);

          if (g_strcmp0 (json_object_get_string_member (held, "license"), license) == 0 &&
              g_strcmp0 (json_object_get_string_member (held, "virtualAccount"), source) == 0)
            available = json_object_get_int_member (held, "available");
        }

      /* A business failure comes as status ERROR (§6.7; wording synthesized). */
      if (quantity > available)
        {
          mimic_respond_json (msg, entry, 200,
                        "{\"status\":\"ERROR\",\"statusMessage\":\"Insufficient licenses available in the source virtual account\"}");
          return;
        }
    }

  mimic_respond_json (msg, entry, 200, "{\"status\":\"SUCCESS\",\"statusMessage\":\"Licenses transferred successfully\"}");
}

/**
 * mimic_handle_licensing:
 *
 * Serves the Smart Accounts & Licensing API under Cisco's paths: search,
 * /v2/accounts, Virtual Accounts, licenses (paged) and license transfer.
 */
void
mimic_handle_licensing (CiscoMimic        *self,
                  SoupServerMessage *msg,
                  const char        *relative,
                  GHashTable        *query,
                  Entry             *entry)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  guint n = g_strv_length (parts);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *domain = n > 3 ? g_uri_unescape_string (parts[3], NULL) : NULL;

  /* parts[0] is "" (the path starts with "/"). */
  if (g_str_equal (method, "GET") && g_str_equal (relative, "/v1/accounts/search"))
    handle_search (self, msg, query, entry);
  else if (g_str_equal (method, "GET") && g_str_equal (relative, "/v2/accounts"))
    mimic_respond_json (msg, entry, 200, v2_accounts);
  else if (g_str_equal (method, "GET") && n == 6 && g_str_equal (parts[1], "v1") &&
           g_str_equal (parts[2], "accounts") && g_str_equal (parts[5], "virtual-accounts"))
    {
      if (g_ascii_strcasecmp (parts[4], "customer") != 0 && g_ascii_strcasecmp (parts[4], "holding") != 0)
        mimic_respond_json (msg, entry, 400, "{\"status\":\"ERROR\",\"statusMessage\":\"Invalid account type\"}");
      else if (known_account (domain) < 0)
        mimic_respond_json (msg, entry, 404, "{\"status\":\"ERROR\",\"statusMessage\":\"Smart Account not found\"}");
      else if (g_str_equal (domain, "acme-industrie.fr"))
        mimic_respond_json (msg, entry, 200, acme_virtual_accounts);
      else
        mimic_respond_json (msg, entry, 200, default_virtual_accounts);
    }
  else if (g_str_equal (method, "POST") && n == 5 && g_str_equal (parts[1], "v1") &&
           g_str_equal (parts[2], "accounts") && g_str_equal (parts[4], "licenses"))
    handle_licenses (self, msg, domain, query, entry);
  else if (g_str_equal (method, "POST") && n == 8 && g_str_equal (parts[1], "v1") &&
           g_str_equal (parts[4], "virtual-accounts") && g_str_equal (parts[6], "licenses") &&
           g_str_equal (parts[7], "transfer"))
    {
      g_autofree char *source = g_uri_unescape_string (parts[5], NULL);

      handle_transfer (self, msg, domain, source, entry);
    }
  else
    mimic_respond_json (msg, entry, 404, "{\"status\":\"ERROR\",\"statusMessage\":\"Not found\"}");
}

/* ------------------------------------------------------------------------ */
/* CCW Order API */

/**
 * mimic_handle_order:
 *
 * Serves checkOrderStatus: the order of §6.8 for its sales order (as a
 * number), web order or PO number, a shipped order (104857999) whose
 * licenses arrived in Acme's 東京支社; OSA001 at HTTP 200 for any other.
 */
void
mimic_handle_order (CiscoMimic        *self,
              SoupServerMessage *msg,
              Entry             *entry)
{
  g_autoptr(JsonNode) request = parse (entry->body);
  JsonNode *header = NULL;
  JsonObject *object;
  g_autofree char *id = NULL;

  if (request != NULL)
    {
      g_autoptr(JsonPath) path = json_path_new ();
      g_autoptr(JsonNode) found = NULL;

      json_path_compile (path, "$.GetPurchaseOrder.value.DataArea.PurchaseOrder[0].PurchaseOrderHeader", NULL);
      found = json_path_match (path, request);
      if (found != NULL && json_array_get_length (json_node_get_array (found)) == 1)
        header = json_node_copy (json_array_get_element (json_node_get_array (found), 0));
    }

  if (header == NULL || !JSON_NODE_HOLDS_OBJECT (header))
    {
      g_clear_pointer (&header, json_node_unref);
      mimic_respond_json (msg, entry, 400, "{\"message\":\"Invalid request\"}");
      return;
    }

  object = json_node_get_object (header);
  if (json_object_has_member (object, "SalesOrderReference"))
    {
      JsonObject *reference = json_array_get_object_element (json_object_get_array_member (object, "SalesOrderReference"), 0);
      JsonNode *value = json_object_get_member (json_object_get_object_member (reference, "ID"), "value");

      /* A number, as the public client sends it. */
      if (json_node_get_value_type (value) == G_TYPE_INT64)
        id = g_strdup_printf ("SO:%" G_GINT64_FORMAT, json_node_get_int (value));
    }
  else if (json_object_has_member (object, "DocumentReference"))
    {
      JsonObject *reference = json_array_get_object_element (json_object_get_array_member (object, "DocumentReference"), 0);
      JsonNode *value = json_object_get_member (json_object_get_object_member (reference, "ID"), "value");

      if (json_node_get_value_type (value) == G_TYPE_STRING)
        id = g_strdup_printf ("WO:%s", json_node_get_string (value));
    }
  else if (json_object_has_member (object, "ID"))
    {
      id = g_strdup_printf ("PO:%s", json_object_get_string_member (json_object_get_object_member (object, "ID"), "value"));
    }
  json_node_unref (header);

  if (g_strcmp0 (id, "SO:104857601") == 0 || g_strcmp0 (id, "WO:WO73910452") == 0 ||
      g_strcmp0 (id, "PO:PO-ACME-2291") == 0)
    mimic_respond_json (msg, entry, 200, order_found);
  else if (g_strcmp0 (id, "SO:104857999") == 0)
    mimic_respond_json (msg, entry, 200, order_shipped);
  else
    mimic_respond_json (msg, entry, 200, order_not_found);
}

