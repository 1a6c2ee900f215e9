/* test-sandbox-profile.c — the signed-in user's profile over loopback: GET
 * and PUT /v1/profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "sandbox-test-util.h"

/* A body of PUT /v1/profile refused, naming @field. */
#define PROFILE(body, field) { "PUT", "/v1/profile", NULL, body, 0, NULL, field }

static void
test_profile (SbtFixture    *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  guint status;

  node = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "username"), ==, "trainee");
  g_assert_cmpstr (json_object_get_string_member (object, "company"), ==, "Northwind Networks SARL");
  g_assert_cmpstr (json_object_get_string_member (object, "firstName"), ==, "Camille");
  g_assert_cmpstr (json_object_get_string_member (object, "lastName"), ==, "Martin");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "email"), "@northwind-networks.example"));
  g_assert_cmpstr (json_object_get_string_member (object, "country"), ==, "FR");
  g_assert_nonnull (json_object_get_string_member (object, "phone"));
}

static void
test_profile_update (SbtFixture    *f,
                     gconstpointer  data)
{
  static const SbtRefusal invalid[] = {
    PROFILE ("{\"firstName\": \"\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\"}", "firstName"),
    PROFILE ("{\"firstName\": \"C\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\"}", "lastName"),
    PROFILE ("{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"nope\", \"company\": \"C\", \"country\": \"FR\"}", "email"),
    PROFILE ("{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"country\": \"FR\"}", "company"),
    PROFILE ("{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"\"}", "country"),
    PROFILE ("{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\","
             " \"phone\": \"call me\"}", "phone"),
    PROFILE ("{\"firstName\": \"C\", \"lastName\": \"M\", \"email\": \"a@b.example\", \"company\": \"C\", \"country\": \"FR\","
             " \"phone\": \"+33 1 23 45 67 89 00 11 22 33 44 55 66 77 88\"}", "phone"),
  };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) updated = NULL;
  g_autoptr(JsonNode) after = NULL;
  guint status;

  before = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  sbt_assert_refusals (f, invalid, G_N_ELEMENTS (invalid));
  sbt_assert_refused (f, "PUT", "/v1/profile", "{\"firstName\": [\"C\"]}", 400, "INVALID_REQUEST");

  after = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_true (json_node_equal (before, after));
  g_clear_pointer (&after, json_node_unref);

  updated = sbt_fixture_call (f, "PUT", "/v1/profile",
                              "{\"username\": \"ignored\", \"firstName\": \"Camille\", \"lastName\": \"Martin-Durand\","
                              " \"email\": \"c.durand@northwind-networks.example\", \"company\": \"Northwind Networks\","
                              " \"country\": \"France\", \"phone\": \"+33 (0)1 99.00.12.34\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (sbt_get_string (updated, "username"), ==, "trainee");
  after = sbt_fixture_call (f, "GET", "/v1/profile", NULL, &status);
  g_assert_cmpstr (sbt_get_string (after, "lastName"), ==, "Martin-Durand");
  g_assert_cmpstr (sbt_get_string (after, "email"), ==, "c.durand@northwind-networks.example");
  g_assert_cmpstr (sbt_get_string (after, "company"), ==, "Northwind Networks");
  g_assert_cmpstr (sbt_get_string (after, "country"), ==, "France");
  g_assert_cmpstr (sbt_get_string (after, "phone"), ==, "+33 (0)1 99.00.12.34");
  g_assert_true (json_node_equal (updated, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SBT_ADD ("profile/get", test_profile);
  SBT_ADD ("profile/update", test_profile_update);

  return g_test_run ();
}
