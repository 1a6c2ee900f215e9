/* cisco-mimic-routes.c — the Cisco test double's API routes and fixtures
 *
 * Only what the sandbox's Cisco paths never answer: Smart Account search in
 * the other field spelling (accountDomain…), /v2/accounts for the reads that
 * faults are put in front of, and licenses with an orderNumber sent as a JSON
 * number; with the shapes of CISCO-APIS.md §6 (values there marked
 * synthesized are synthesized here too). Fixed answers are the document's
 * JSON as it is; computed ones are built with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cisco-mimic-private.h"

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
};

/* §6.4, as it is. */
static const char v2_accounts[] =
  "{\"accounts\":[{\"accountName\":\"Acme Industrie\",\"accountDomain\":\"acme-industrie.fr\","
  "\"accountStatus\":\"Active\",\"accountType\":\"CUSTOMER\",\"roles\":[{\"role\":\"Smart Account User\"},"
  "{\"role\":\"Virtual Account Administrator\",\"virtualAccount\":\"DEFAULT\"}]}],"
  "\"status\":\"SUCCESS\",\"statusMessage\":\"\"}";

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

/**
 * mimic_handle_licensing:
 *
 * Serves the Smart Accounts & Licensing API under Cisco's paths: search,
 * /v2/accounts and licenses.
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
  else if (g_str_equal (method, "POST") && n == 5 && g_str_equal (parts[1], "v1") &&
           g_str_equal (parts[2], "accounts") && g_str_equal (parts[4], "licenses"))
    handle_licenses (self, msg, domain, query, entry);
  else
    mimic_respond_json (msg, entry, 404, "{\"status\":\"ERROR\",\"statusMessage\":\"Not found\"}");
}
