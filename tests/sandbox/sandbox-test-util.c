/* sandbox-test-util.c — raw-HTTP helpers of the sandbox tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

SoupSession *
sbt_new_session (void)
{
  return g_object_new (SOUP_TYPE_SESSION,
                       "proxy-resolver", NULL,
                       "timeout", 30,
                       "idle-timeout", 30,
                       NULL);
}

static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
send_message (SoupSession         *session,
              SoupMessage         *msg,
              guint               *status,
              SoupMessageHeaders **headers)
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  if (error != NULL)
    g_test_message ("%s %s", soup_message_get_method (msg), g_uri_get_path (soup_message_get_uri (msg)));
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  g_assert_cmpuint (*status, <, 500);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  return parse_json (answer);
}

JsonNode *
sbt_call (SoupSession         *session,
          const char          *base,
          const char          *token,
          const char          *method,
          const char          *path,
          const char          *json_body,
          guint               *status,
          SoupMessageHeaders **headers)
{
  g_autofree char *uri = g_strconcat (base, path + 1, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  return send_message (session, msg, status, headers);
}

char *
sbt_sign_in (SoupSession *session,
             const char  *base,
             const char  *username,
             const char  *password,
             guint       *status)
{
  g_autofree char *uri = g_strconcat (base, "oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) body = NULL;
  char *encoded;

  g_hash_table_insert (form, "grant_type", "password");
  g_hash_table_insert (form, "username", (char *) username);
  g_hash_table_insert (form, "password", (char *) password);
  encoded = soup_form_encode_hash (form);
  body = g_bytes_new_take (encoded, strlen (encoded));
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);

  node = send_message (session, msg, status, NULL);
  if (*status != 200)
    return NULL;

  return g_strdup (sbt_get_string (node, "access_token"));
}

void
sbt_assert_error (JsonNode   *node,
                  guint       status,
                  guint       expected_status,
                  const char *expected_code)
{
  g_assert_cmpuint (status, ==, expected_status);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (sbt_get_string (node, "status"), ==, "ERROR");
  g_assert_cmpstr (sbt_get_string (node, "code"), ==, expected_code);
  g_assert_nonnull (sbt_get_string (node, "statusMessage"));
}

const char *
sbt_get_string (JsonNode   *node,
                const char *member)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_get_string_member_with_default (json_node_get_object (node), member, NULL);
}

void
sbt_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sbt_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}
