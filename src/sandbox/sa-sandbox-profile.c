/* sa-sandbox-profile.c — the signed-in user's profile: GET and PUT
 * /v1/profile ("Update your profile", the first step of procedure 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sa-sandbox-private.h"

#include "sa-validate.h"

/* GET /v1/profile */
static void
get_profile (SaSandboxRequest *request)
{
  static const char *const names[] = {
    "username", "firstName", "lastName", "email", "company", "country", "phone",
  };
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (!sa_sandbox_db_query_row (request->db, &row, &error,
                                "SELECT u.username, u.first_name, u.last_name, u.email,"
                                " coalesce(u.company, p.name, ''), u.country, u.phone"
                                " FROM users u LEFT JOIN partners p ON p.tenant = u.tenant AND p.id = u.partner"
                                " WHERE u.username = ?1",
                                "t", request->caller->username) ||
      (row == NULL && !sa_sandbox_db_fail (request->db, "profile", &error)))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  sa_sandbox_json_add_columns (builder, row, names, G_N_ELEMENTS (names), 0);
  json_builder_end_object (builder);

  sa_sandbox_respond_builder (request->msg, SOUP_STATUS_OK, builder, NULL);
}

/* PUT /v1/profile: every field but the user name; 422 VALIDATION_FAILED with
 * `fields` for the invalid ones. */
static void
put_profile (SaSandboxRequest *request)
{
  static const char *const required[] = { "firstName", "lastName", "email", "company", "country" };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SaSandboxFieldErrors) errors = sa_sandbox_field_errors_new ();
  g_autoptr(GError) error = NULL;
  const char *values[G_N_ELEMENTS (required)];
  const char *phone;
  JsonObject *object;
  guint i;

  root = sa_sandbox_parse_body_object (request->msg);
  if (root == NULL)
    return;
  object = json_node_get_object (root);

  for (i = 0; i < G_N_ELEMENTS (required); i++)
    if (!sa_sandbox_get_string_member (request->msg, object, required[i], &values[i]))
      return;
  if (!sa_sandbox_get_string_member (request->msg, object, "phone", &phone))
    return;

  for (i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (values[i] == NULL || *values[i] == '\0')
        sa_sandbox_field_errors_add (errors, required[i], "This field is required");
      else if (!sa_validate_profile_field (values[i], NULL))
        sa_sandbox_field_errors_add (errors, required[i], "Use 1 to 100 characters, without control characters");
    }
  /* the more precise message replaces a length message */
  if (values[2] != NULL && *values[2] != '\0' && !sa_validate_email (values[2], NULL))
    sa_sandbox_field_errors_add (errors, "email", "This is not a valid e-mail address");
  if (!sa_validate_phone (phone, NULL))
    sa_sandbox_field_errors_add (errors, "phone",
                                 "A phone number has at most 40 digits, spaces and + - ( ) . characters");
  if (sa_sandbox_respond_field_errors (request->msg, errors))
    return;

  if (!sa_sandbox_db_run (request->db, &error,
                          "UPDATE users SET first_name = ?2, last_name = ?3, email = ?4, company = ?5,"
                          " country = ?6, phone = ?7 WHERE username = ?1",
                          "ttttttt", request->caller->username, values[0], values[1], values[2],
                          values[3], values[4], phone != NULL ? phone : ""))
    {
      sa_sandbox_respond_gerror (request->msg, error);
      return;
    }

  get_profile (request);
}

static const SaSandboxRoute routes[] = {
  { "GET", "/v1/profile", get_profile, SA_SANDBOX_SIGNED_IN },
  { "PUT", "/v1/profile", put_profile, SA_SANDBOX_SIGNED_IN },
};

const SaSandboxRouteTable sa_sandbox_profile_routes = SA_SANDBOX_ROUTE_TABLE (routes);
