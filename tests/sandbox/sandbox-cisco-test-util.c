/* sandbox-cisco-test-util.c — what the tests of the sandbox's Cisco-shaped
 * paths share (see the header)
 *
 * A plain SoupSession, not the Cisco client: the tests see the wire.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-cisco-test-util.h"

#include <string.h>

#include "sa-sandbox-server.h"

void
sct_reply_clear (SctReply *reply)
{
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
}

void
sct_request (SbtFixture *f,
             const char *token,
             const char *method,
             const char *path,
             const char *content_type,
             const char *body,
             SctReply   *reply)
{
  g_autofree char *uri = g_strconcat (f->base, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize length;

  sct_reply_clear (reply);
  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  reply->body = soup_session_send_and_read (f->session, msg, NULL, &error);
  if (error != NULL)
    g_test_message ("%s %s", method, path);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  g_assert_cmpuint (reply->status, <, 500);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  data = g_bytes_get_data (reply->body, &length);
  if (length > 0 && g_utf8_validate (data, (gssize) length, NULL) &&
      json_parser_load_from_data (parser, data, (gssize) length, NULL))
    reply->json = json_parser_steal_root (parser);
}

void
sct_get (SbtFixture *f,
         const char *token,
         const char *path,
         SctReply   *reply)
{
  sct_request (f, token, "GET", path, NULL, NULL, reply);
}

void
sct_post_json (SbtFixture *f,
               const char *token,
               const char *path,
               const char *json,
               SctReply   *reply)
{
  sct_request (f, token, "POST", path, "application/json", json, reply);
}

void
sct_token_reply (SbtFixture *f,
                 const char *client_id,
                 const char *client_secret,
                 SctReply   *reply)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *encoded = NULL;

  g_hash_table_insert (form, "grant_type", "client_credentials");
  g_hash_table_insert (form, "client_id", (char *) client_id);
  g_hash_table_insert (form, "client_secret", (char *) client_secret);
  encoded = soup_form_encode_hash (form);
  sct_request (f, NULL, "POST", CISCO_TOKEN, "application/x-www-form-urlencoded", encoded, reply);
}

char *
sct_token (SbtFixture *f,
           const char *client_id,
           const char *client_secret)
{
  g_auto(SctReply) reply = { 0 };

  sct_token_reply (f, client_id, client_secret, &reply);
  g_assert_cmpuint (reply.status, ==, 200);

  return g_strdup (sbt_get_string (reply.json, "access_token"));
}

char *
sct_sign_in (SbtFixture *f)
{
  return sct_token (f, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD);
}

char *
sct_order_body (const char *member,
                const char *value_json)
{
  const char *open = g_str_equal (member, "ID") ? "" : "[{";
  const char *close = g_str_equal (member, "ID") ? "" : "}]";

  if (g_str_equal (member, "ID"))
    return g_strdup_printf ("{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{"
                            "\"PurchaseOrderHeader\": {\"Description\": [{\"value\": true, \"typeCode\": \"details\"}],"
                            " \"ID\": {\"value\": %s}}}]},"
                            " \"ApplicationArea\": {\"CreationDateTime\": \"datetime\","
                            " \"BODID\": {\"value\": \"test\", \"schemeVersionID\": \"V1\"}}}}}", value_json);

  return g_strdup_printf ("{\"GetPurchaseOrder\": {\"value\": {\"DataArea\": {\"PurchaseOrder\": [{"
                          "\"PurchaseOrderHeader\": {\"Description\": [{\"value\": true, \"typeCode\": \"details\"}],"
                          " \"%s\": %s\"ID\": {\"value\": %s}%s}}]},"
                          " \"ApplicationArea\": {\"CreationDateTime\": \"datetime\","
                          " \"BODID\": {\"value\": \"test\", \"schemeVersionID\": \"V1\"}}}}}",
                          member, open, value_json, close);
}

void
sct_check_order (SbtFixture *f,
                 const char *token,
                 const char *number,
                 SctReply   *reply)
{
  g_autofree char *body = sct_order_body ("SalesOrderReference", number);

  sct_post_json (f, token, CCW_ORDER, body, reply);
}

JsonObject *
sct_data_area (SctReply *reply)
{
  JsonObject *root;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (reply->json);
  root = json_node_get_object (reply->json);

  return json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (root,
                                                                                                     "ShowPurchaseOrder"),
                                                                       "value"),
                                        "DataArea");
}

const char *
sct_expression (SctReply *reply)
{
  JsonObject *show = json_object_get_object_member (sct_data_area (reply), "Show");
  JsonObject *criteria = json_array_get_object_element (json_object_get_array_member (show, "ResponseCriteria"), 0);

  return json_object_get_string_member (json_object_get_object_member (criteria, "ResponseExpression"), "value");
}

void
sct_add_fault (SbtFixture *f,
               const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = sbt_fixture_call (f, "POST", "/sandbox/cisco-faults", json, &status);
  g_assert_cmpuint (status, ==, 200);
}

JsonArray *
sct_log (SbtFixture *f,
         JsonNode  **holder)
{
  return sbt_get_list (f, "/sandbox/cisco-requests", "requests", holder);
}

JsonArray *
sct_licenses (SbtFixture *f,
              const char *token,
              const char *domain,
              JsonNode  **holder)
{
  g_autofree char *path = g_strdup_printf (SAL "/v1/accounts/%s/licenses", domain);
  g_auto(SctReply) reply = { 0 };
  JsonObject *object;

  sct_post_json (f, token, path, "{\"limit\": -1}", &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  object = json_node_get_object (reply.json);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "SUCCESS");
  g_assert_cmpint (json_object_get_int_member (object, "totalRecords"), ==,
                   json_array_get_length (json_object_get_array_member (object, "licenses")));
  *holder = g_steal_pointer (&reply.json);

  return json_object_get_array_member (json_node_get_object (*holder), "licenses");
}

JsonObject *
sct_find_license (JsonArray  *licenses,
                  const char *virtual_account,
                  const char *name)
{
  guint i;

  for (i = 0; i < json_array_get_length (licenses); i++)
    {
      JsonObject *license = json_array_get_object_element (licenses, i);

      if (g_strcmp0 (json_object_get_string_member (license, "virtualAccount"), virtual_account) == 0 &&
          g_strcmp0 (json_object_get_string_member (license, "license"), name) == 0)
        return license;
    }

  return NULL;
}

gint64
sct_order_quantity (SbtFixture  *f,
                    const char  *token,
                    const char  *domain,
                    const char  *order,
                    char       **virtual_account)
{
  g_autoptr(JsonNode) holder = NULL;
  JsonArray *licenses = sct_licenses (f, token, domain, &holder);
  gint64 quantity = 0;
  guint i, j;

  for (i = 0; i < json_array_get_length (licenses); i++)
    {
      JsonObject *license = json_array_get_object_element (licenses, i);
      JsonArray *details = json_object_get_array_member (license, "licenseDetails");

      for (j = 0; j < json_array_get_length (details); j++)
        {
          JsonObject *detail = json_array_get_object_element (details, j);

          if (g_strcmp0 (json_object_get_string_member_with_default (detail, "orderNumber", NULL), order) != 0)
            continue;
          quantity += json_object_get_int_member (detail, "quantity");
          if (virtual_account != NULL)
            {
              g_free (*virtual_account);
              *virtual_account = g_strdup (json_object_get_string_member (license, "virtualAccount"));
            }
        }
    }

  return quantity;
}

void
sct_assert_cisco_error (SctReply *reply,
                        guint     status)
{
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_nonnull (reply->json);
  g_assert_cmpstr (sbt_get_string (reply->json, "status"), ==, "ERROR");
  g_assert_nonnull (sbt_get_string (reply->json, "statusMessage"));
  g_assert_false (json_object_has_member (json_node_get_object (reply->json), "code"));
}
