/* sa-json.c — strict readers of Desk API JSON members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-json-private.h"

/* The message is for logs and developers: the user sees the translated
 * sentence of sa_error_dup_user_message() for INVALID_RESPONSE. */
static gboolean
fail_member (const char  *what,
             const char  *member,
             const char  *problem,
             GError     **error)
{
  g_set_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE,
               "Invalid %s in the server's answer: “%s” %s",
               what, member, problem);
  return FALSE;
}

/* Returns the member's node, or NULL when missing or JSON null. */
static JsonNode *
get_node (JsonObject *object,
          const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
holds_value_of_type (JsonNode *node,
                     GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
sa_json_read_string (JsonObject   *object,
                     const char   *what,
                     const char   *member,
                     gboolean      required,
                     const char  **out,
                     GError      **error)
{
  JsonNode *node = get_node (object, member);

  *out = NULL;

  if (node == NULL)
    return required ? fail_member (what, member, "is missing", error) : TRUE;

  if (!holds_value_of_type (node, G_TYPE_STRING))
    return fail_member (what, member, "is not a string", error);

  *out = json_object_get_string_member_with_default (object, member, NULL);

  if (*out == NULL || !g_utf8_validate (*out, -1, NULL))
    return fail_member (what, member, "is not valid UTF-8", error);

  return TRUE;
}

gboolean
sa_json_read_boolean (JsonObject   *object,
                      const char   *what,
                      const char   *member,
                      gboolean      required,
                      gboolean      default_value,
                      gboolean     *out,
                      GError      **error)
{
  JsonNode *node = get_node (object, member);

  *out = default_value;

  if (node == NULL)
    return required ? fail_member (what, member, "is missing", error) : TRUE;

  if (!holds_value_of_type (node, G_TYPE_BOOLEAN))
    return fail_member (what, member, "is not a boolean", error);

  *out = json_object_get_boolean_member_with_default (object, member, default_value);
  return TRUE;
}

gboolean
sa_json_read_int (JsonObject   *object,
                  const char   *what,
                  const char   *member,
                  gboolean      required,
                  gint64        default_value,
                  gint64       *out,
                  GError      **error)
{
  JsonNode *node = get_node (object, member);

  *out = default_value;

  if (node == NULL)
    return required ? fail_member (what, member, "is missing", error) : TRUE;

  if (!holds_value_of_type (node, G_TYPE_INT64))
    return fail_member (what, member, "is not an integer", error);

  *out = json_object_get_int_member_with_default (object, member, default_value);
  return TRUE;
}

gboolean
sa_json_read_object (JsonObject   *object,
                     const char   *what,
                     const char   *member,
                     JsonObject  **out,
                     GError      **error)
{
  JsonNode *node = get_node (object, member);

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_member (what, member, "is not an object", error);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
sa_json_read_array (JsonObject   *object,
                    const char   *what,
                    const char   *member,
                    JsonArray   **out,
                    GError      **error)
{
  JsonNode *node = get_node (object, member);

  *out = NULL;

  if (node == NULL)
    return fail_member (what, member, "is missing", error);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_member (what, member, "is not an array", error);

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
sa_json_fail_value (const char  *what,
                    const char  *member,
                    GError     **error)
{
  return fail_member (what, member, "has an unknown value", error);
}

gboolean
sa_json_read_date (JsonObject   *object,
                   const char   *what,
                   const char   *member,
                   gboolean      required,
                   GDateTime   **out,
                   GError      **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  const char *str = NULL;

  *out = NULL;

  if (!sa_json_read_string (object, what, member, required, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;

  parsed = g_date_time_new_from_iso8601 (str, utc);
  if (parsed == NULL)
    return fail_member (what, member, "is not an ISO 8601 date", error);

  *out = g_date_time_to_utc (parsed);
  return TRUE;
}

gboolean
sa_json_read_strv (JsonObject   *object,
                   const char   *what,
                   const char   *member,
                   gboolean      required,
                   char       ***out,
                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = get_node (object, member);
  JsonArray *array;
  guint n;

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return fail_member (what, member, "is missing", error);
      *out = g_strv_builder_end (builder);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_member (what, member, "is not an array", error);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *str;

      if (!holds_value_of_type (element, G_TYPE_STRING))
        return fail_member (what, member, "has an element that is not a string", error);

      str = json_node_get_string (element);
      if (str == NULL || !g_utf8_validate (str, -1, NULL))
        return fail_member (what, member, "is not valid UTF-8", error);

      g_strv_builder_add (builder, str);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}
