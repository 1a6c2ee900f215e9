/* sa-cisco-json.c — lenient readers of Cisco's JSON, and URI helpers
 *
 * Cisco's answers are not as regular as the Desk API's: the same member comes
 * under two spellings (`domain` / `accountDomain`), booleans come as strings
 * (`"isDefault": "true"`), identifiers as numbers or strings, and commerce
 * answers may carry bytes that are not UTF-8 (CISCO-APIS.md §1.2, §1.4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sa-cisco"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sa-cisco-api-private.h"
#include "sa-json-reader.h"

/**
 * sa_cisco_json_parse:
 * @bytes: an answer's body
 * @error: return location for a #GError, or %NULL
 *
 * Parses a JSON body. Bytes that are not UTF-8 are first replaced with U+FFFD
 * (g_utf8_make_valid()), so that one stray byte in an order answer never loses
 * the whole answer nor crashes the parser (CISCO-APIS.md §1.4, "non-UTF-8
 * bytes"). Then it is read by the one bounded reader (sa-json-reader.c):
 * nesting deeper than %SA_JSON_READER_CLIENT_MAX_DEPTH and data after the
 * value are refused before json-glib sees the text.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL with
 *   %SA_CISCO_ERROR_NOT_JSON (empty, not JSON such as an HTML page, nested
 *   too deeply, or more than one value)
 */
JsonNode *
sa_cisco_json_parse (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *repaired = NULL;
  const char *data;
  gsize size = 0;
  JsonNode *root;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL || size == 0)
    {
      g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_NOT_JSON, "empty body"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_debug ("The answer is not valid UTF-8: repairing it before parsing");
      repaired = g_utf8_make_valid (data, size);
      data = repaired;
      size = strlen (repaired);
    }

  root = sa_json_reader_parse (data, size, SA_JSON_READER_CLIENT_MAX_DEPTH,
                               SA_JSON_READER_NONE, &local_error);
  if (root == NULL)
    g_propagate_error (error, sa_cisco_error_new (SA_CISCO_ERROR_NOT_JSON,
                                                  local_error->message));

  return root;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/**
 * sa_cisco_json_get_string:
 * @object: (nullable): a JSON object
 * @member: the member's name
 * @other_member: (nullable): its other spelling, read when @member is missing
 *   (for example `accountDomain` beside `domain`)
 *
 * Returns: (transfer none) (nullable): the string value, or %NULL when missing,
 *   null or not a string
 */
const char *
sa_cisco_json_get_string (JsonObject *object,
                          const char *member,
                          const char *other_member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL && other_member != NULL)
    node = get_member (object, other_member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * sa_cisco_json_dup_text:
 * @object: (nullable): a JSON object
 * @member: the member's name
 *
 * Reads an identifier that Cisco sends as a string or as a number (a sales
 * order number is `104857601` in a request and `"104857601"` in an answer).
 *
 * Returns: (transfer full) (nullable): the value as text, or %NULL when
 *   missing, null, boolean or not a value
 */
char *
sa_cisco_json_dup_text (JsonObject *object,
                        const char *member)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (isfinite (value) && value == floor (value) && fabs (value) < 1e15)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
    }

  return NULL;
}

/**
 * sa_cisco_json_get_int:
 * @object: (nullable): a JSON object
 * @member: the member's name
 * @out: (out): the value
 *
 * Reads a whole number sent as a JSON integer, an integral double or a string
 * of digits.
 *
 * Returns: %TRUE when the member holds such a number
 */
gboolean
sa_cisco_json_get_int (JsonObject *object,
                       const char *member,
                       gint64     *out)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || value != floor (value) || fabs (value) > 9e15)
        return FALSE;
      *out = (gint64) value;
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10,
                                     G_MININT64, G_MAXINT64, out, NULL);

  return FALSE;
}

/**
 * sa_cisco_json_get_boolean:
 * @object: (nullable): a JSON object
 * @member: the member's name
 * @out: (out): the value
 *
 * Reads a boolean sent as JSON `true`/`false` or as the string `"true"` /
 * `"false"` (Virtual Accounts' `isDefault`, CISCO-APIS.md §1.2).
 *
 * Returns: %TRUE when the member holds such a value
 */
gboolean
sa_cisco_json_get_boolean (JsonObject *object,
                           const char *member,
                           gboolean   *out)
{
  JsonNode *node = get_member (object, member);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_ascii_strcasecmp (text, "true") == 0)
        *out = TRUE;
      else if (g_ascii_strcasecmp (text, "false") == 0)
        *out = FALSE;
      else
        return FALSE;
      return TRUE;
    }

  return FALSE;
}

/**
 * sa_cisco_json_get_object:
 * @object: (nullable): a JSON object
 * @member: the member's name
 *
 * Returns: (transfer none) (nullable): the member when it is an object
 */
JsonObject *
sa_cisco_json_get_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * sa_cisco_json_get_array:
 * @object: (nullable): a JSON object
 * @member: the member's name
 *
 * Returns: (transfer none) (nullable): the member when it is an array
 */
JsonArray *
sa_cisco_json_get_array (JsonObject *object,
                         const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * sa_cisco_json_walk:
 * @node: (nullable): where to start
 * @path: members and indices such as `DataArea.PurchaseOrder[0].PurchaseOrderHeader`
 *
 * Follows an OAGIS path (CISCO-APIS.md §1.4 writes them this way).
 *
 * Returns: (transfer none) (nullable): the node at @path, or %NULL when any
 *   step is missing or of another kind
 */
JsonNode *
sa_cisco_json_walk (JsonNode   *node,
                    const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      char *bracket = strchr (steps[i], '[');
      g_autofree char *name = bracket != NULL ? g_strndup (steps[i], bracket - steps[i])
                                              : g_strdup (steps[i]);

      if (*name != '\0')
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          node = get_member (json_node_get_object (node), name);
        }

      while (node != NULL && bracket != NULL)
        {
          guint64 index = 0;
          char *end = NULL;
          JsonArray *array;

          index = g_ascii_strtoull (bracket + 1, &end, 10);
          if (end == NULL || *end != ']' || !JSON_NODE_HOLDS_ARRAY (node))
            return NULL;
          array = json_node_get_array (node);
          if (index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, (guint) index);
          if (node != NULL && JSON_NODE_HOLDS_NULL (node))
            node = NULL;
          bracket = strchr (end, '[');
        }
    }

  return node;
}

/**
 * sa_cisco_json_walk_text:
 * @node: (nullable): where to start
 * @path: the path of a value, as for sa_cisco_json_walk()
 *
 * Returns: (transfer full) (nullable): the string or number at @path as text
 */
char *
sa_cisco_json_walk_text (JsonNode   *node,
                         const char *path)
{
  g_autoptr(JsonObject) wrapper = json_object_new ();
  JsonNode *found = sa_cisco_json_walk (node, path);

  if (found == NULL)
    return NULL;

  json_object_set_member (wrapper, "v", json_node_copy (found));
  return sa_cisco_json_dup_text (wrapper, "v");
}

/**
 * sa_cisco_json_builder_to_bytes:
 * @builder: a #JsonBuilder holding a complete value
 *
 * Returns: (transfer full): the serialized JSON
 */
GBytes *
sa_cisco_json_builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

/**
 * sa_cisco_escape_segment:
 * @segment: a path segment such as a Smart Account domain or a Virtual
 *   Account name (any script)
 *
 * Returns: (transfer full): @segment percent-encoded, "/" included
 */
char *
sa_cisco_escape_segment (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

/**
 * sa_cisco_query_add:
 * @query: the query being built (without "?")
 * @key: a parameter name
 * @value: its value, escaped here
 *
 * Appends `key=value`, with "&" when needed.
 */
void
sa_cisco_query_add (GString    *query,
                    const char *key,
                    const char *value)
{
  g_autofree char *escaped_key = g_uri_escape_string (key, NULL, FALSE);
  g_autofree char *escaped_value = g_uri_escape_string (value, NULL, FALSE);

  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "%s=%s", escaped_key, escaped_value);
}

/**
 * sa_cisco_json_check_status:
 * @object: an answer of the Smart Accounts & Licensing API
 * @error: return location for a #GError, or %NULL
 *
 * Cisco's licensing answers carry `"status"` and `"statusMessage"`; business
 * failures come as `"status": "ERROR"` (CISCO-APIS.md §1.2, "Errors").
 *
 * Returns: %FALSE with %SA_CISCO_ERROR_REJECTED (quoting `statusMessage`) when
 *   `status` is "ERROR"; %TRUE otherwise
 */
gboolean
sa_cisco_json_check_status (JsonObject  *object,
                            GError     **error)
{
  const char *status = sa_cisco_json_get_string (object, "status", NULL);

  if (status == NULL || g_ascii_strcasecmp (status, "ERROR") != 0)
    return TRUE;

  g_propagate_error (error,
                     sa_cisco_error_new_rejected (sa_cisco_json_get_string (object, "statusMessage", NULL)));
  return FALSE;
}
