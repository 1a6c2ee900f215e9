/* test-core.c — unit tests of the core layer: enums, validation, JSON, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sa-core.h"
#include "sa-json-private.h"

/* ------------------------------------------------------------------------ */
/* Helpers */

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (str, unit);

  return g_string_free (str, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Types */

static void
test_types_round_trip (void)
{
  for (int i = SA_ACCOUNT_TYPE_CUSTOMER; i <= SA_ACCOUNT_TYPE_HOLDING; i++)
    {
      SaAccountType value = -1;

      g_assert_true (sa_account_type_from_string (sa_account_type_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_account_type_get_label (i), !=, "");
    }
  for (int i = SA_ACCOUNT_STATUS_ACTIVE; i <= SA_ACCOUNT_STATUS_EXPIRED; i++)
    {
      SaAccountStatus value = -1;

      g_assert_true (sa_account_status_from_string (sa_account_status_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_account_status_get_label (i), !=, "");
    }
  for (int i = SA_ORDER_STATUS_ENTERED; i <= SA_ORDER_STATUS_SHIPPED; i++)
    {
      SaOrderStatus value = -1;

      g_assert_true (sa_order_status_from_string (sa_order_status_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
      g_assert_cmpstr (sa_order_status_get_label (i), !=, "");
    }
  for (int i = SA_ORDER_SEARCH_SALES_ORDER_NUMBER; i <= SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER; i++)
    {
      SaOrderSearchField value = -1;

      g_assert_true (sa_order_search_field_from_string (sa_order_search_field_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
    }
  for (int i = SA_ACCOUNT_SEARCH_DOMAIN; i <= SA_ACCOUNT_SEARCH_EMAIL; i++)
    {
      SaAccountSearchField value = -1;

      g_assert_true (sa_account_search_field_from_string (sa_account_search_field_to_string (i), &value));
      g_assert_cmpint (value, ==, i);
    }
}

static void
test_types_wire_names (void)
{
  SaAccountType type;
  SaOrderStatus status;

  /* The exact names of docs/desk-api.md. */
  g_assert_cmpstr (sa_account_type_to_string (SA_ACCOUNT_TYPE_CUSTOMER), ==, "CUSTOMER");
  g_assert_cmpstr (sa_account_type_to_string (SA_ACCOUNT_TYPE_HOLDING), ==, "HOLDING");
  g_assert_cmpstr (sa_account_status_to_string (SA_ACCOUNT_STATUS_PENDING), ==, "PENDING");
  g_assert_cmpstr (sa_order_status_to_string (SA_ORDER_STATUS_SHIPPED), ==, "SHIPPED");
  g_assert_cmpstr (sa_order_search_field_to_string (SA_ORDER_SEARCH_WEB_ORDER_ID), ==, "webOrderId");
  g_assert_cmpstr (sa_order_search_field_to_string (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER), ==, "purchaseOrderNumber");
  g_assert_cmpstr (sa_account_search_field_to_string (SA_ACCOUNT_SEARCH_EMAIL), ==, "email");

  /* Unknown, NULL, wrong case and out-of-range values are refused. */
  g_assert_false (sa_account_type_from_string ("customer", &type));
  g_assert_false (sa_account_type_from_string (NULL, &type));
  g_assert_false (sa_account_type_from_string ("", &type));
  g_assert_false (sa_order_status_from_string ("DELIVERED", &status));
  g_assert_false (sa_account_status_from_string ("ACTIVE ", NULL));
  g_assert_false (sa_order_search_field_from_string ("salesordernumber", NULL));
  g_assert_false (sa_account_search_field_from_string ("mail", NULL));
  g_assert_null (sa_account_type_to_string (7));
  g_assert_null (sa_order_status_to_string (-1));
  g_assert_cmpstr (sa_order_status_get_label (42), ==, "");
}

static void
test_types_labels (void)
{
  /* Untranslated (C locale) labels are the glossary's English terms. */
  g_assert_cmpstr (sa_account_type_get_label (SA_ACCOUNT_TYPE_CUSTOMER), ==, "End Customer");
  g_assert_cmpstr (sa_account_type_get_label (SA_ACCOUNT_TYPE_HOLDING), ==, "Holding");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_PENDING), ==, "Pending");
  g_assert_cmpstr (sa_account_status_get_label (SA_ACCOUNT_STATUS_EXPIRED), ==, "Expired");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_ENTERED), ==, "Entered");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_BOOKED), ==, "Booked");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_SCHEDULED), ==, "Scheduled");
  g_assert_cmpstr (sa_order_status_get_label (SA_ORDER_STATUS_SHIPPED), ==, "Shipped");
}

/* ------------------------------------------------------------------------ */
/* Validation */

/* A macro, so that @error is read after the call has set it. */
#define assert_invalid_input(call, error) \
  G_STMT_START { \
    gboolean valid_ = (call); \
    check_invalid_input (valid_, (error)); \
  } G_STMT_END

static void
check_invalid_input (gboolean  valid,
                     GError   *error)
{
  g_assert_false (valid);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 5);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_validate_email (void)
{
  const char *good[] = {
    "it@acme-industrie.fr",
    "name@example.com",
    "first.last+tag@sub.example.co.uk",
    "a@b.cd",
    "o'brien@example.ie",
  };
  const char *bad[] = {
    "",
    "plainaddress",
    "@example.com",
    "name@",
    "name@example",
    "name@@example.com",
    "na me@example.com",
    "name@exa mple.com",
    ".name@example.com",
    "name.@example.com",
    "na..me@example.com",
    "name@-example.com",
    "name@example-.com",
    "name@example..com",
    "name@example.com\n",
    "name\t@example.com",
    "name@example.com; DROP TABLE accounts;--",
    "\xff\xfe@example.com",
    "name@example.123",
  };
  g_autofree char *long_local = NULL;
  g_autofree char *long_address = NULL;
  g_autofree char *huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (sa_validate_email (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad #%u", i);
      assert_invalid_input (sa_validate_email (bad[i], &error), error);
    }

  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_email (NULL, &error), error);
  }

  /* NULL error is allowed. */
  g_assert_false (sa_validate_email ("nope", NULL));

  /* Local part over 64, address over 254, a megabyte of text. */
  {
    g_autofree char *local = repeat ("a", 65);

    long_local = g_strconcat (local, "@example.com", NULL);
    g_assert_false (sa_validate_email (long_local, NULL));
  }

  {
    g_autofree char *labels = repeat ("abcdefghij.", 25);

    long_address = g_strconcat ("a@", labels, "com", NULL);
    g_assert_cmpuint (strlen (long_address), >, SA_MAX_EMAIL_LENGTH);
    g_assert_false (sa_validate_email (long_address, NULL));
  }

  huge = repeat ("x", 1024 * 1024);
  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_email (huge, &error), error);
  }
}

static void
test_validate_domain (void)
{
  const char *good[] = {
    "acme-industrie.fr",
    "partner-holding.example",
    "example.com",
    "a.b",
    "x1.example.co.uk",
    "ACME.EXAMPLE",
  };
  const char *bad[] = {
    "",
    "localhost",
    "acme",
    ".example.com",
    "example.com.",
    "example..com",
    "-acme.fr",
    "acme-.fr",
    "ac me.fr",
    "acme_industrie.fr",
    "acme.fr'; DROP TABLE accounts;--",
    "' OR '1'='1",
    "acme.fr\r\n",
    "acme\x01.fr",
    "acme\xc3\x28.fr",
    "h\xc3\xa9llo.fr",         /* non-ASCII: not a DNS label */
    "192.168.0.1",
    "acme/../etc.fr",
  };
  g_autofree char *long_label = NULL;
  g_autofree char *max_label = NULL;
  g_autofree char *long_domain = NULL;
  g_autofree char *huge = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("good: %s", good[i]);
      g_assert_true (sa_validate_domain (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad #%u", i);
      assert_invalid_input (sa_validate_domain (bad[i], &error), error);
    }

  g_assert_false (sa_validate_domain (NULL, NULL));

  /* Labels of 63 are fine, 64 not; whole names up to 253. */
  {
    g_autofree char *label = repeat ("a", 63);

    max_label = g_strconcat (label, ".fr", NULL);
    g_assert_true (sa_validate_domain (max_label, NULL));
  }
  {
    g_autofree char *label = repeat ("a", 64);

    long_label = g_strconcat (label, ".fr", NULL);
    g_assert_false (sa_validate_domain (long_label, NULL));
  }
  {
    g_autofree char *labels = repeat ("abcdefghi.", 26);

    long_domain = g_strconcat (labels, "fr", NULL);
    g_assert_cmpuint (strlen (long_domain), >, SA_MAX_DOMAIN_LENGTH);
    g_assert_false (sa_validate_domain (long_domain, NULL));
  }

  huge = repeat ("abc.", 256 * 1024);
  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_domain (huge, &error), error);
  }
}

static void
test_validate_sales_order_number (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sa_validate_sales_order_number ("104857601", NULL));
  g_assert_true (sa_validate_sales_order_number ("1", NULL));
  g_assert_true (sa_validate_sales_order_number ("12345678901234567890", NULL));
  g_assert_false (sa_validate_sales_order_number ("123456789012345678901", NULL));
  g_assert_false (sa_validate_sales_order_number ("", NULL));
  g_assert_false (sa_validate_sales_order_number (NULL, NULL));
  g_assert_false (sa_validate_sales_order_number ("12a4", NULL));
  g_assert_false (sa_validate_sales_order_number (" 1234", NULL));
  g_assert_false (sa_validate_sales_order_number ("-1234", NULL));
  g_assert_false (sa_validate_sales_order_number ("1234/../5", NULL));
  g_assert_false (sa_validate_sales_order_number ("\xd9\xa1\xd9\xa2", NULL)); /* Arabic-Indic digits */
  assert_invalid_input (sa_validate_sales_order_number ("1 OR 1=1", &error), error);
}

static void
test_validate_searches (void)
{
  g_autofree char *max_text = repeat ("\xe6\x97\xa5", SA_MAX_SEARCH_LENGTH); /* 128 × 日 */
  g_autofree char *too_long = repeat ("a", SA_MAX_SEARCH_LENGTH + 1);
  g_autofree char *huge = repeat ("a", 4 * 1024 * 1024);

  /* Order searches: partial numbers and free text. */
  g_assert_true (sa_validate_order_search (SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "1048", NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_SALES_ORDER_NUMBER, "WO7391", NULL));
  g_assert_true (sa_validate_order_search (SA_ORDER_SEARCH_WEB_ORDER_ID, "WO7391", NULL));
  g_assert_true (sa_validate_order_search (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO-ACME-2291", NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "", NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "   ", NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER, "PO\nACME", NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_WEB_ORDER_ID, too_long, NULL));
  g_assert_false (sa_validate_order_search (SA_ORDER_SEARCH_WEB_ORDER_ID, huge, NULL));
  g_assert_false (sa_validate_order_search (99, "x", NULL));

  /* SQL-like text is valid text for names and e-mail searches ... */
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "Robert'); DROP TABLE accounts;--", NULL));
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "' OR '1'='1", NULL));
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_EMAIL, "it@acme", NULL));
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_DOMAIN, "acme-ind", NULL));
  /* ... but not a domain. */
  g_assert_false (sa_validate_domain ("Robert'); DROP TABLE accounts;--", NULL));

  /* Any script, up to the limit counted in characters, not bytes. */
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "株式会社サンプル", NULL));
  g_assert_true (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, max_text, NULL));
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, too_long, NULL));
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, huge, NULL));

  /* Empty, control characters, invalid UTF-8. */
  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "", &error), error);
  }
  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "acme\x1b[31m", &error), error);
  }
  {
    g_autoptr(GError) error = NULL;

    assert_invalid_input (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "acme\xc0\xaf", &error), error);
  }
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "a\x7f", NULL));
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "a\xc2\x85" "b", NULL)); /* NEL */
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "a\xe2\x80\xa8" "b", NULL)); /* U+2028 */
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, "\xed\xa0\x80", NULL)); /* surrogate */
  g_assert_false (sa_validate_account_search (SA_ACCOUNT_SEARCH_NAME, NULL, NULL));
  g_assert_false (sa_validate_account_search (42, "acme", NULL));

  /* Virtual Account names: Japanese is fine. */
  g_assert_true (sa_validate_virtual_account_name ("DEFAULT", NULL));
  g_assert_true (sa_validate_virtual_account_name ("東京本社", NULL));
  g_assert_false (sa_validate_virtual_account_name ("", NULL));
  g_assert_false (sa_validate_virtual_account_name ("a\tb", NULL));
}

/* ------------------------------------------------------------------------ */
/* JSON */

static void
test_json_smart_account (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(SaSmartAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;
  int type = -1;

  object = parse_object ("{\"id\": \"SA-100001\", \"domain\": \"acme-industrie.fr\","
                         " \"name\": \"Acme Industrie\", \"type\": \"HOLDING\","
                         " \"status\": \"PENDING\", \"email\": \"it@acme-industrie.fr\"}");
  account = sa_smart_account_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpstr (sa_smart_account_get_id (account), ==, "SA-100001");
  g_assert_cmpstr (sa_smart_account_get_domain (account), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_smart_account_get_name (account), ==, "Acme Industrie");
  g_assert_cmpstr (sa_smart_account_get_email (account), ==, "it@acme-industrie.fr");
  g_assert_cmpint (sa_smart_account_get_account_type (account), ==, SA_ACCOUNT_TYPE_HOLDING);
  g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_PENDING);

  g_object_get (account, "domain", &domain, "account-type", &type, NULL);
  g_assert_cmpstr (domain, ==, "acme-industrie.fr");
  g_assert_cmpint (type, ==, SA_ACCOUNT_TYPE_HOLDING);
}

static void
test_json_smart_account_bad (void)
{
  const char *cases[] = {
    "{}",
    /* missing domain */
    "{\"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}",
    /* wrong types */
    "{\"domain\": 42, \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}",
    "{\"domain\": \"a.fr\", \"name\": [\"A\"], \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}",
    "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": true, \"status\": \"ACTIVE\"}",
    "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": {}}",
    "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\", \"email\": 1}",
    /* null for a required field */
    "{\"domain\": null, \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}",
    /* unknown enum values */
    "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"PARTNER\", \"status\": \"ACTIVE\"}",
    "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"active\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cases[i]);
      g_autoptr(SaSmartAccount) account = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i]);
      account = sa_smart_account_new_from_json (object, &error);
      g_assert_null (account);
      g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
    }

  /* id and email are optional. */
  {
    g_autoptr(JsonObject) object = parse_object ("{\"domain\": \"a.fr\", \"name\": \"A\","
                                                 " \"type\": \"CUSTOMER\", \"status\": \"EXPIRED\","
                                                 " \"email\": null}");
    g_autoptr(SaSmartAccount) account = sa_smart_account_new_from_json (object, NULL);

    g_assert_nonnull (account);
    g_assert_null (sa_smart_account_get_id (account));
    g_assert_null (sa_smart_account_get_email (account));
    g_assert_cmpint (sa_smart_account_get_status (account), ==, SA_ACCOUNT_STATUS_EXPIRED);
  }
}

static void
test_json_virtual_account (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) minimal = NULL;
  g_autoptr(SaVirtualAccount) account = NULL;
  g_autoptr(SaVirtualAccount) plain = NULL;
  g_autoptr(GError) error = NULL;

  object = parse_object ("{\"name\": \"東京本社\", \"isDefault\": true, \"description\": \"本社\"}");
  account = sa_virtual_account_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_virtual_account_get_name (account), ==, "東京本社");
  g_assert_cmpstr (sa_virtual_account_get_description (account), ==, "本社");
  g_assert_true (sa_virtual_account_get_is_default (account));

  minimal = parse_object ("{\"name\": \"Lab\"}");
  plain = sa_virtual_account_new_from_json (minimal, &error);
  g_assert_no_error (error);
  g_assert_false (sa_virtual_account_get_is_default (plain));
  g_assert_null (sa_virtual_account_get_description (plain));

  {
    const char *cases[] = {
      "{}",
      "{\"name\": null}",
      "{\"name\": 3}",
      "{\"name\": \"Lab\", \"isDefault\": \"true\"}",
      "{\"name\": \"Lab\", \"isDefault\": 1}",
      "{\"name\": \"Lab\", \"description\": false}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(JsonObject) bad = parse_object (cases[i]);
        g_autoptr(GError) bad_error = NULL;
        g_autoptr(SaVirtualAccount) none = sa_virtual_account_new_from_json (bad, &bad_error);

        g_test_message ("case %u: %s", i, cases[i]);
        g_assert_null (none);
        g_assert_error (bad_error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
      }
  }
}

static void
test_json_assignment (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(SaAssignment) assignment = NULL;
  g_autoptr(SaAssignment) same = NULL;
  g_autoptr(SaAssignment) other_va = NULL;
  g_autoptr(SaAssignment) other_type = NULL;
  g_autoptr(GError) error = NULL;

  object = parse_object ("{\"domain\": \"acme-industrie.fr\", \"name\": \"Acme Industrie\","
                         " \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\","
                         " \"virtualAccount\": \"DEFAULT\"}");
  assignment = sa_assignment_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_assignment_get_domain (assignment), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_assignment_get_name (assignment), ==, "Acme Industrie");
  g_assert_cmpstr (sa_assignment_get_virtual_account (assignment), ==, "DEFAULT");
  g_assert_cmpint (sa_assignment_get_account_type (assignment), ==, SA_ACCOUNT_TYPE_CUSTOMER);
  g_assert_cmpint (sa_assignment_get_status (assignment), ==, SA_ACCOUNT_STATUS_ACTIVE);

  /* Equality: domain (any case), type and Virtual Account; not name/status. */
  same = sa_assignment_new ("ACME-industrie.fr", "Other name", SA_ACCOUNT_TYPE_CUSTOMER,
                            SA_ACCOUNT_STATUS_PENDING, "DEFAULT");
  other_va = sa_assignment_new ("acme-industrie.fr", "Acme Industrie", SA_ACCOUNT_TYPE_CUSTOMER,
                                SA_ACCOUNT_STATUS_ACTIVE, "Lab");
  other_type = sa_assignment_new ("acme-industrie.fr", "Acme Industrie", SA_ACCOUNT_TYPE_HOLDING,
                                  SA_ACCOUNT_STATUS_ACTIVE, "DEFAULT");
  g_assert_true (sa_assignment_equal (assignment, same));
  g_assert_false (sa_assignment_equal (assignment, other_va));
  g_assert_false (sa_assignment_equal (assignment, other_type));
  g_assert_false (sa_assignment_equal (assignment, NULL));
  g_assert_true (sa_assignment_equal (NULL, NULL));

  {
    const char *cases[] = {
      "{}",
      "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\"}",
      "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\", \"virtualAccount\": 1}",
      "{\"domain\": \"a.fr\", \"name\": \"A\", \"type\": \"CUSTOMERS\", \"status\": \"ACTIVE\", \"virtualAccount\": \"DEFAULT\"}",
      "{\"domain\": [], \"name\": \"A\", \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\", \"virtualAccount\": \"DEFAULT\"}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(JsonObject) bad = parse_object (cases[i]);
        g_autoptr(GError) bad_error = NULL;
        g_autoptr(SaAssignment) none = sa_assignment_new_from_json (bad, &bad_error);

        g_test_message ("case %u: %s", i, cases[i]);
        g_assert_null (none);
        g_assert_error (bad_error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
      }
  }
}

#define ORDER_JSON(ec, holding, extra) \
  "{\"salesOrderNumber\": \"104857601\", \"webOrderId\": \"WO73910452\"," \
  " \"purchaseOrderNumber\": \"PO-ACME-2291\", \"status\": \"BOOKED\", \"exportHold\": false," \
  " \"endCustomerName\": \"Acme Industrie SA\", \"description\": \"Catalyst 9300\"," \
  " \"createdDate\": \"2026-09-14\", \"version\": 3" extra "," \
  " \"endCustomer\": " ec ", \"holding\": " holding "}"

#define EC_SLOT "{\"domain\": \"acme-industrie.fr\", \"name\": \"Acme Industrie\"," \
  " \"type\": \"CUSTOMER\", \"status\": \"ACTIVE\", \"virtualAccount\": \"DEFAULT\"}"
#define HOLDING_SLOT "{\"domain\": \"partner.example\", \"name\": \"Partner\"," \
  " \"type\": \"HOLDING\", \"status\": \"PENDING\", \"virtualAccount\": \"Stock\"}"

static void
test_json_order (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SaAssignment) holding_prop = NULL;
  gint64 version = 0;

  object = parse_object (ORDER_JSON (EC_SLOT, HOLDING_SLOT, ""));
  order = sa_order_new_from_json (object, "\"3\"", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, "104857601");
  g_assert_cmpstr (sa_order_get_web_order_id (order), ==, "WO73910452");
  g_assert_cmpstr (sa_order_get_purchase_order_number (order), ==, "PO-ACME-2291");
  g_assert_cmpstr (sa_order_get_end_customer_name (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_order_get_description (order), ==, "Catalyst 9300");
  g_assert_cmpstr (sa_order_get_created_date (order), ==, "2026-09-14");
  g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_BOOKED);
  g_assert_false (sa_order_get_export_hold (order));
  g_assert_cmpint (sa_order_get_version (order), ==, 3);
  g_assert_cmpstr (sa_order_get_etag (order), ==, "\"3\"");
  g_assert_true (sa_order_can_change_assignment (order));
  g_assert_cmpstr (sa_assignment_get_domain (sa_order_get_end_customer (order)), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_assignment_get_virtual_account (sa_order_get_holding (order)), ==, "Stock");
  g_assert_cmpint (sa_assignment_get_status (sa_order_get_holding (order)), ==, SA_ACCOUNT_STATUS_PENDING);

  g_object_get (order, "holding", &holding_prop, "version", &version, NULL);
  g_assert_true (holding_prop == sa_order_get_holding (order));
  g_assert_cmpint (version, ==, 3);
}

static void
test_json_order_null_slots (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) shipped = NULL;
  g_autoptr(JsonObject) minimal = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) shipped_order = NULL;
  g_autoptr(SaOrder) minimal_order = NULL;
  g_autoptr(GError) error = NULL;

  object = parse_object (ORDER_JSON ("null", "null", ""));
  order = sa_order_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_end_customer (order));
  g_assert_null (sa_order_get_holding (order));
  g_assert_null (sa_order_get_etag (order));

  shipped = parse_object ("{\"salesOrderNumber\": \"1\", \"status\": \"SHIPPED\", \"version\": 9,"
                          " \"exportHold\": true, \"endCustomer\": " EC_SLOT "}");
  shipped_order = sa_order_new_from_json (shipped, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (sa_order_can_change_assignment (shipped_order));
  g_assert_true (sa_order_get_export_hold (shipped_order));
  g_assert_nonnull (sa_order_get_end_customer (shipped_order));
  g_assert_null (sa_order_get_holding (shipped_order));

  /* Missing optional members. */
  minimal = parse_object ("{\"salesOrderNumber\": \"2\", \"status\": \"ENTERED\", \"version\": 0}");
  minimal_order = sa_order_new_from_json (minimal, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (sa_order_get_web_order_id (minimal_order));
  g_assert_false (sa_order_get_export_hold (minimal_order));
}

static void
test_json_order_bad (void)
{
  const char *cases[] = {
    "{}",
    "{\"status\": \"BOOKED\", \"version\": 1}",
    "{\"salesOrderNumber\": 104857601, \"status\": \"BOOKED\", \"version\": 1}",
    "{\"salesOrderNumber\": \"1\", \"version\": 1}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"LOST\", \"version\": 1}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\"}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": \"1\"}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1.5}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": -1}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"exportHold\": \"no\"}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"webOrderId\": 5}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"endCustomer\": \"acme.fr\"}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"holding\": []}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"holding\": {}}",
    /* an account of the wrong type in a slot */
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"holding\": " EC_SLOT "}",
    "{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1, \"endCustomer\": " HOLDING_SLOT "}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cases[i]);
      g_autoptr(SaOrder) order = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i]);
      order = sa_order_new_from_json (object, NULL, &error);
      g_assert_null (order);
      g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
    }
}

static void
test_json_profile (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) bare = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(SaProfile) bare_profile = NULL;
  g_autoptr(SaProfile) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *bare_display = NULL;

  object = parse_object ("{\"username\": \"trainee\", \"firstName\": \"Camille\","
                         " \"lastName\": \"Durand\", \"email\": \"camille@partner.example\","
                         " \"company\": \"Partner SARL\", \"country\": \"FR\", \"phone\": \"+33 1 23\"}");
  profile = sa_profile_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_profile_get_username (profile), ==, "trainee");
  g_assert_cmpstr (sa_profile_get_first_name (profile), ==, "Camille");
  g_assert_cmpstr (sa_profile_get_last_name (profile), ==, "Durand");
  g_assert_cmpstr (sa_profile_get_email (profile), ==, "camille@partner.example");
  g_assert_cmpstr (sa_profile_get_company (profile), ==, "Partner SARL");
  g_assert_cmpstr (sa_profile_get_country (profile), ==, "FR");
  g_assert_cmpstr (sa_profile_get_phone (profile), ==, "+33 1 23");
  display = sa_profile_dup_display_name (profile);
  g_assert_cmpstr (display, ==, "Camille Durand");

  bare = parse_object ("{\"username\": \"trainee\", \"firstName\": \"\", \"lastName\": null}");
  bare_profile = sa_profile_new_from_json (bare, &error);
  g_assert_no_error (error);
  bare_display = sa_profile_dup_display_name (bare_profile);
  g_assert_cmpstr (bare_display, ==, "trainee");

  bad = parse_object ("{\"username\": \"trainee\", \"email\": {\"x\": 1}}");
  none = sa_profile_new_from_json (bad, &error);
  g_assert_null (none);
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  {
    g_autoptr(JsonObject) no_user = parse_object ("{\"firstName\": \"A\"}");
    g_autoptr(SaProfile) no_profile = sa_profile_new_from_json (no_user, &error);

    g_assert_null (no_profile);
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
  }
}

/* ------------------------------------------------------------------------ */
/* Errors */

static void
test_error_codes (void)
{
  struct {
    SaClientError code;
    const char *wire;
    guint status;
  } table[] = {
    { SA_CLIENT_ERROR_INVALID_REQUEST, "INVALID_REQUEST", 400 },
    { SA_CLIENT_ERROR_UNAUTHENTICATED, "UNAUTHENTICATED", 401 },
    { SA_CLIENT_ERROR_NOT_AUTHORIZED, "NOT_AUTHORIZED", 403 },
    { SA_CLIENT_ERROR_NOT_FOUND, "NOT_FOUND", 404 },
    { SA_CLIENT_ERROR_ORDER_NOT_FOUND, "ORDER_NOT_FOUND", 404 },
    { SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, "SMART_ACCOUNT_NOT_FOUND", 404 },
    { SA_CLIENT_ERROR_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", 405 },
    { SA_CLIENT_ERROR_ORDER_SHIPPED, "ORDER_SHIPPED", 409 },
    { SA_CLIENT_ERROR_VERSION_CONFLICT, "VERSION_CONFLICT", 412 },
    { SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE, "WRONG_ACCOUNT_TYPE", 422 },
    { SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND, "VIRTUAL_ACCOUNT_NOT_FOUND", 422 },
    { SA_CLIENT_ERROR_TERMS_NOT_ACCEPTED, "TERMS_NOT_ACCEPTED", 422 },
    { SA_CLIENT_ERROR_PRECONDITION_REQUIRED, "PRECONDITION_REQUIRED", 428 },
  };
  SaClientError local[] = {
    SA_CLIENT_ERROR_FAILED, SA_CLIENT_ERROR_NETWORK, SA_CLIENT_ERROR_TIMEOUT,
    SA_CLIENT_ERROR_INVALID_RESPONSE, SA_CLIENT_ERROR_SERVER_ERROR,
    SA_CLIENT_ERROR_INVALID_INPUT, SA_CLIENT_ERROR_INVALID_CREDENTIALS,
  };

  g_assert_cmpstr (g_quark_to_string (SA_CLIENT_ERROR), ==, "sa-client-error-quark");

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_assert_cmpstr (sa_client_error_to_code (table[i].code), ==, table[i].wire);
      g_assert_cmpint (sa_client_error_from_code (table[i].wire), ==, table[i].code);
      g_assert_cmpuint (sa_client_error_get_http_status (table[i].code), ==, table[i].status);
    }

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    g_assert_null (sa_client_error_to_code (local[i]));

  g_assert_cmpint (sa_client_error_from_code ("NO_SUCH_CODE"), ==, SA_CLIENT_ERROR_FAILED);
  g_assert_cmpint (sa_client_error_from_code ("order_shipped"), ==, SA_CLIENT_ERROR_FAILED);
  g_assert_cmpint (sa_client_error_from_code (""), ==, SA_CLIENT_ERROR_FAILED);
  g_assert_cmpint (sa_client_error_from_code (NULL), ==, SA_CLIENT_ERROR_FAILED);
  g_assert_cmpuint (sa_client_error_get_http_status (SA_CLIENT_ERROR_NETWORK), ==, 500);
  g_assert_cmpuint (sa_client_error_get_http_status (999), ==, 500);
}

static void
test_error_user_messages (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int code = SA_CLIENT_ERROR_FAILED; code <= SA_CLIENT_ERROR_METHOD_NOT_ALLOWED; code++)
    {
      g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, code, "raw server text");
      g_autofree char *message = sa_error_dup_user_message (error);

      g_test_message ("code %d: %s", code, message);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
      /* The raw text is never shown, except INVALID_INPUT's (already a
       * translated sentence from the validation code). */
      if (code == SA_CLIENT_ERROR_INVALID_INPUT)
        g_assert_cmpstr (message, ==, "raw server text");
      else
        g_assert_null (strstr (message, "raw server text"));

      g_assert_false (g_hash_table_contains (seen, message));
      g_hash_table_add (seen, g_steal_pointer (&message));
    }

  /* The documented route for a shipped order. */
  {
    g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_ORDER_SHIPPED, "");
    g_autofree char *message = sa_error_dup_user_message (error);

    g_assert_nonnull (strstr (message, "Support Case Manager"));
    g_assert_nonnull (strstr (message, "Global Licensing Operations"));
  }

  /* INVALID_INPUT without a message still says something. */
  {
    g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT, "");
    g_autofree char *message = sa_error_dup_user_message (error);

    g_assert_cmpuint (strlen (message), >, 10);
  }

  /* Other domains: generic sentences, cancellation its own. */
  {
    g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
    g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "secret path");
    g_autofree char *cancelled_message = sa_error_dup_user_message (cancelled);
    g_autofree char *other_message = sa_error_dup_user_message (other);

    g_assert_cmpuint (strlen (cancelled_message), >, 5);
    g_assert_cmpuint (strlen (other_message), >, 5);
    g_assert_cmpstr (cancelled_message, !=, other_message);
    g_assert_null (strstr (other_message, "secret path"));
  }
}

static void
test_client_properties (void)
{
  g_autoptr(SaClient) client = sa_desk_client_new ("http://127.0.0.1:8080");
  g_autoptr(SaClient) with_path = sa_desk_client_new ("https://desk.example.com/api");
  g_autoptr(SaClient) bad = sa_desk_client_new ("not a uri");
  guint timeout = 0;
  gboolean signed_in = TRUE;

  g_assert_cmpstr (sa_client_get_base_uri (client), ==, "http://127.0.0.1:8080/");
  g_assert_cmpstr (sa_client_get_base_uri (with_path), ==, "https://desk.example.com/api/");
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_assert_cmpuint (sa_desk_client_get_timeout (SA_DESK_CLIENT (client)), ==, 30);

  sa_desk_client_set_timeout (SA_DESK_CLIENT (client), 5);
  g_object_get (client, "timeout", &timeout, "signed-in", &signed_in, NULL);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_false (signed_in);

  /* Signing out when not signed in is harmless. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));

  g_assert_nonnull (bad);
}

/* ------------------------------------------------------------------------ */
/* Issues 3–5: requests, profile updates, drafts */

static void
test_types_requests (void)
{
  SaAccessRequestStatus status;

  for (int i = SA_ACCESS_REQUEST_STATUS_PENDING; i <= SA_ACCESS_REQUEST_STATUS_DENIED; i++)
    {
      const char *wire = sa_access_request_status_to_string (i);

      g_assert_nonnull (wire);
      g_assert_true (sa_access_request_status_from_string (wire, &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (sa_access_request_status_get_label (i), !=, "");
    }

  g_assert_cmpstr (sa_access_request_status_to_string (SA_ACCESS_REQUEST_STATUS_APPROVED), ==, "APPROVED");
  g_assert_false (sa_access_request_status_from_string ("approved", NULL));
  g_assert_false (sa_access_request_status_from_string ("", NULL));
  g_assert_false (sa_access_request_status_from_string (NULL, NULL));
  g_assert_null (sa_access_request_status_to_string (7));
  g_assert_cmpstr (sa_access_request_status_get_label (7), ==, "");

  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_PENDING), ==,
                   "Pending customer acceptance");
  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_ACTIVE), ==, "Active");
  g_assert_cmpstr (sa_account_request_status_get_label (SA_ACCOUNT_STATUS_EXPIRED), ==, "Expired");
  g_assert_cmpstr (sa_account_request_status_get_label (9), ==, "");
}

static void
test_error_codes_requests (void)
{
  struct {
    SaClientError code;
    const char *wire;
    guint status;
  } table[] = {
    { SA_CLIENT_ERROR_VALIDATION_FAILED, "VALIDATION_FAILED", 422 },
    { SA_CLIENT_ERROR_DOMAIN_TAKEN, "DOMAIN_TAKEN", 409 },
    { SA_CLIENT_ERROR_REQUEST_NOT_PENDING, "REQUEST_NOT_PENDING", 409 },
    { SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, "ACCOUNT_REQUEST_NOT_FOUND", 404 },
    { SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, "ACCESS_REQUEST_NOT_FOUND", 404 },
    { SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, "ACCOUNT_ID_REQUIRED", 422 },
    { SA_CLIENT_ERROR_DUPLICATE_REQUEST, "DUPLICATE_REQUEST", 409 },
    { SA_CLIENT_ERROR_REMINDER_TOO_SOON, "REMINDER_TOO_SOON", 429 },
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, table[i].code, "server text");
      g_autofree char *message = sa_error_dup_user_message (error);

      g_assert_cmpstr (sa_client_error_to_code (table[i].code), ==, table[i].wire);
      g_assert_cmpint (sa_client_error_from_code (table[i].wire), ==, table[i].code);
      g_assert_cmpuint (sa_client_error_get_http_status (table[i].code), ==, table[i].status);

      /* Each has a sentence of its own, never the server's text. */
      g_assert_null (strstr (message, "server text"));
      g_assert_true (g_hash_table_add (seen, g_steal_pointer (&message)));
    }

  g_assert_null (sa_client_error_to_code (SA_CLIENT_ERROR_INSECURE_URI));
  g_assert_cmpint (sa_client_error_from_code ("INSECURE_URI"), ==, SA_CLIENT_ERROR_FAILED);

  {
    g_autoptr(GError) taken = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN, "");
    g_autoptr(GError) soon = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_REMINDER_TOO_SOON, "");
    g_autoptr(GError) insecure = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI, "");
    g_autofree char *taken_message = sa_error_dup_user_message (taken);
    g_autofree char *soon_message = sa_error_dup_user_message (soon);
    g_autofree char *insecure_message = sa_error_dup_user_message (insecure);

    g_assert_nonnull (strstr (taken_message, "Request access"));
    g_assert_nonnull (strstr (soon_message, "once a day"));
    g_assert_nonnull (strstr (insecure_message, "https://"));
    g_assert_nonnull (strstr (insecure_message, "this computer"));
  }
}

static void
test_validate_requests (void)
{
  g_autofree char *name_100 = repeat ("é", 100);
  g_autofree char *name_101 = repeat ("a", 101);
  g_autofree char *note_1000 = repeat ("ü", 1000);
  g_autofree char *note_1001 = repeat ("a", 1001);
  g_autofree char *reason_500 = repeat ("x", 500);
  g_autofree char *reason_501 = repeat ("x", 501);
  g_autofree char *huge = repeat ("a", 1024 * 1024);
  g_autoptr(GError) error = NULL;
  const char *bad_utf8 = "Acme \xff\xfe";
  guint bad_index = 99;

  /* Account Name */
  g_assert_true (sa_validate_account_name ("Trattoria Da Mario", NULL));
  g_assert_true (sa_validate_account_name ("東京商事株式会社", NULL));
  g_assert_true (sa_validate_account_name (name_100, NULL));
  g_assert_false (sa_validate_account_name (name_101, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sa_validate_account_name (NULL, NULL));
  g_assert_false (sa_validate_account_name ("", NULL));
  g_assert_false (sa_validate_account_name ("   ", NULL));
  g_assert_false (sa_validate_account_name ("Acme\nIndustrie", NULL));
  g_assert_false (sa_validate_account_name ("Acme\x1b[31m", NULL));
  g_assert_false (sa_validate_account_name ("Acme\u202eInc", NULL));   /* bidi override */
  g_assert_false (sa_validate_account_name (bad_utf8, NULL));
  g_assert_false (sa_validate_account_name (huge, NULL));

  /* Notes: optional, several lines */
  g_assert_true (sa_validate_note (NULL, NULL));
  g_assert_true (sa_validate_note ("", NULL));
  g_assert_true (sa_validate_note ("  ", NULL));
  g_assert_true (sa_validate_note ("Bonjour,\r\nvoici la demande.\n\tMerci", NULL));
  g_assert_true (sa_validate_note (note_1000, NULL));
  g_assert_false (sa_validate_note (note_1001, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sa_validate_note ("bell\a", NULL));
  g_assert_false (sa_validate_note ("lone \r return", NULL));
  g_assert_false (sa_validate_note (bad_utf8, NULL));
  g_assert_false (sa_validate_note (huge, NULL));

  /* User e-mails */
  {
    const char *ok[] = { "anna@northwind-networks.example", "luca@trattoria-mario.example", NULL };
    const char *duplicate[] = { "anna@example.com", "bob@example.com", "ANNA@Example.com", NULL };
    const char *invalid[] = { "anna@example.com", "not an address", NULL };
    const char *empty[] = { NULL };
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (sa_validate_user_emails (ok, &bad_index, NULL));
    g_assert_true (sa_validate_user_emails (NULL, NULL, NULL));
    g_assert_true (sa_validate_user_emails (empty, NULL, NULL));

    g_assert_false (sa_validate_user_emails (duplicate, &bad_index, &error));
    g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
    g_assert_cmpuint (bad_index, ==, 2);
    g_clear_error (&error);

    g_assert_false (sa_validate_user_emails (invalid, &bad_index, NULL));
    g_assert_cmpuint (bad_index, ==, 1);

    for (guint i = 0; i < SA_MAX_USERS; i++)
      g_ptr_array_add (many, g_strdup_printf ("user%u@example.com", i));
    g_ptr_array_add (many, NULL);
    g_assert_true (sa_validate_user_emails ((const char * const *) many->pdata, NULL, NULL));
    g_ptr_array_remove_index (many, many->len - 1);
    g_ptr_array_add (many, g_strdup ("one-too-many@example.com"));
    g_ptr_array_add (many, NULL);
    g_assert_false (sa_validate_user_emails ((const char * const *) many->pdata, &bad_index, NULL));
    g_assert_cmpuint (bad_index, ==, SA_MAX_USERS);
  }

  /* Reason for request */
  g_assert_true (sa_validate_reason ("We manage this customer's licenses.", NULL));
  g_assert_true (sa_validate_reason ("Line one\nLine two", NULL));
  g_assert_true (sa_validate_reason (reason_500, NULL));
  g_assert_false (sa_validate_reason (reason_501, NULL));
  g_assert_false (sa_validate_reason (NULL, NULL));
  g_assert_false (sa_validate_reason ("", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sa_validate_reason (" \n\t ", NULL));
  g_assert_false (sa_validate_reason ("nul\x01", NULL));

  /* Profile fields and phone */
  g_assert_true (sa_validate_profile_field ("Anna", NULL));
  g_assert_true (sa_validate_profile_field ("Côte d’Ivoire", NULL));
  g_assert_false (sa_validate_profile_field ("", NULL));
  g_assert_false (sa_validate_profile_field (NULL, NULL));
  g_assert_false (sa_validate_profile_field (name_101, NULL));
  g_assert_false (sa_validate_profile_field ("tab\there", NULL));
  g_assert_true (sa_validate_phone (NULL, NULL));
  g_assert_true (sa_validate_phone ("", NULL));
  g_assert_true (sa_validate_phone ("+33 (0)1 23.45-67-89", NULL));
  g_assert_false (sa_validate_phone ("+33 1 23 45 67 89 00 11 22 33 44 55 66 77", NULL));
  g_assert_false (sa_validate_phone ("call me", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sa_validate_phone ("+-()", NULL));
  g_assert_false (sa_validate_phone ("12\n34", NULL));
  g_assert_false (sa_validate_phone ("１２３", NULL));

  /* Server addresses */
  g_assert_true (sa_validate_server_uri ("https://desk.example.com/", NULL));
  g_assert_true (sa_validate_server_uri ("https://desk.example.com:8443/api", NULL));
  g_assert_true (sa_validate_server_uri ("http://127.0.0.1:41234/", NULL));
  g_assert_true (sa_validate_server_uri ("http://127.1.2.3/", NULL));
  g_assert_true (sa_validate_server_uri ("http://[::1]:8080/", NULL));
  g_assert_true (sa_validate_server_uri ("http://localhost:8080/", NULL));
  g_assert_true (sa_validate_server_uri ("HTTP://LOCALHOST/", NULL));
  g_assert_false (sa_validate_server_uri ("http://example.com/", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_clear_error (&error);
  g_assert_false (sa_validate_server_uri ("http://192.168.1.10/", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_clear_error (&error);
  g_assert_false (sa_validate_server_uri ("http://localhost.example.com/", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI);
  g_clear_error (&error);
  g_assert_false (sa_validate_server_uri ("http://127.0.0.1.example.com/", NULL));
  g_assert_false (sa_validate_server_uri ("ftp://desk.example.com/", &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (sa_validate_server_uri ("desk.example.com", NULL));
  g_assert_false (sa_validate_server_uri ("https://", NULL));
  g_assert_false (sa_validate_server_uri ("https://user:pw@desk.example.com/", NULL));
  g_assert_false (sa_validate_server_uri ("https://desk.example.com/?a=b", NULL));
  g_assert_false (sa_validate_server_uri ("https://desk.example.com/#x", NULL));
  g_assert_false (sa_validate_server_uri ("https://desk.example.com/\r\nX: y", NULL));
  g_assert_false (sa_validate_server_uri ("", NULL));
  g_assert_false (sa_validate_server_uri (NULL, NULL));
  g_assert_false (sa_validate_server_uri (huge, NULL));
}

#define ACCOUNT_JSON \
  "{\"id\": \"SA-100099\", \"domain\": \"trattoria-mario.example\", \"name\": \"Trattoria Da Mario\"," \
  " \"type\": \"CUSTOMER\", \"status\": \"PENDING\", \"email\": \"mario@trattoria-mario.example\"}"

static void
test_json_account_request (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{\"id\": \"AR-000001\", \"accountName\": \"Trattoria Da Mario\","
    " \"accountDomain\": \"trattoria-mario.example\","
    " \"customerEmail\": \"mario@trattoria-mario.example\", \"noteToCustomer\": \"Ciao\","
    " \"users\": [\"anna@northwind-networks.example\", \"luca@northwind-networks.example\"],"
    " \"noteToUsers\": null, \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T11:00:00+01:00\", \"daysLeft\": 90,"
    " \"smartAccount\": " ACCOUNT_JSON "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(SaAccountRequest) request = sa_account_request_new_from_json (object, &error);
  g_auto(GStrv) users = NULL;
  GDateTime *date;
  int status;

  g_assert_no_error (error);
  g_assert_nonnull (request);
  g_assert_cmpstr (sa_account_request_get_id (request), ==, "AR-000001");
  g_assert_cmpstr (sa_account_request_get_account_name (request), ==, "Trattoria Da Mario");
  g_assert_cmpstr (sa_account_request_get_account_domain (request), ==, "trattoria-mario.example");
  g_assert_cmpstr (sa_account_request_get_customer_email (request), ==, "mario@trattoria-mario.example");
  g_assert_cmpstr (sa_account_request_get_note_to_customer (request), ==, "Ciao");
  g_assert_null (sa_account_request_get_note_to_users (request));
  g_assert_cmpuint (g_strv_length ((GStrv) sa_account_request_get_users (request)), ==, 2);
  g_assert_cmpstr (sa_account_request_get_users (request)[1], ==, "luca@northwind-networks.example");
  g_assert_cmpint (sa_account_request_get_status (request), ==, SA_ACCOUNT_STATUS_PENDING);
  g_assert_cmpuint (sa_account_request_get_days_left (request), ==, 90);

  date = sa_account_request_get_created_date (request);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 10);
  g_assert_cmpint (g_date_time_get_utc_offset (date), ==, 0);
  /* +01:00 is converted to UTC. */
  date = sa_account_request_get_expires_date (request);
  g_assert_cmpint (g_date_time_get_hour (date), ==, 10);
  g_assert_cmpint (g_date_time_get_utc_offset (date), ==, 0);

  g_assert_cmpstr (sa_smart_account_get_id (sa_account_request_get_smart_account (request)), ==, "SA-100099");
  g_assert_cmpint (sa_smart_account_get_status (sa_account_request_get_smart_account (request)), ==,
                   SA_ACCOUNT_STATUS_PENDING);

  g_object_get (request, "users", &users, "status", &status, NULL);
  g_assert_cmpuint (g_strv_length (users), ==, 2);
  g_assert_cmpint (status, ==, SA_ACCOUNT_STATUS_PENDING);
}

static void
test_json_account_request_bad (void)
{
  const char *bad[] = {
    /* missing id */
    "{\"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": " ACCOUNT_JSON "}",
    /* unknown status */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"ACCEPTED\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": " ACCOUNT_JSON "}",
    /* not a date */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"PENDING\", \"createdDate\": \"21/11/2026\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": " ACCOUNT_JSON "}",
    /* negative days */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": -1, \"smartAccount\": " ACCOUNT_JSON "}",
    /* users not strings */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"users\": [1, 2], \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": " ACCOUNT_JSON "}",
    /* users not an array */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"users\": \"a@a.example\", \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": " ACCOUNT_JSON "}",
    /* no smart account */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90}",
    /* broken smart account */
    "{\"id\": \"AR-1\", \"accountName\": \"A\", \"accountDomain\": \"a.example\", \"customerEmail\": \"a@a.example\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"expiresDate\": \"2027-02-19T10:00:00Z\", \"daysLeft\": 90, \"smartAccount\": {\"domain\": 3}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) object = parse_object (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SaAccountRequest) request = sa_account_request_new_from_json (object, &error);

      g_assert_null (request);
      g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
    }
}

static void
test_json_access_request (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{\"id\": \"XR-000001\", \"smartAccount\": " ACCOUNT_JSON ", \"reason\": \"Support\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\", \"decidedDate\": null,"
    " \"lastReminderDate\": \"2026-11-22T09:30:00Z\", \"nextReminderDate\": \"2026-11-23T09:30:00Z\"}");
  g_autoptr(JsonObject) fresh_object = parse_object (
    "{\"id\": \"XR-000002\", \"smartAccount\": " ACCOUNT_JSON ", \"reason\": \"Support\","
    " \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\"}");
  g_autoptr(JsonObject) denied_object = parse_object (
    "{\"id\": \"XR-000003\", \"smartAccount\": " ACCOUNT_JSON ", \"reason\": \"Support\","
    " \"status\": \"DENIED\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"decidedDate\": \"2026-11-21T12:00:00Z\", \"nextReminderDate\": null}");
  g_autoptr(GError) error = NULL;
  g_autoptr(SaAccessRequest) request = sa_access_request_new_from_json (object, &error);
  g_autoptr(SaAccessRequest) fresh = NULL;
  g_autoptr(SaAccessRequest) denied = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) before = g_date_time_new (utc, 2026, 11, 23, 9, 29, 59);
  g_autoptr(GDateTime) after = g_date_time_new (utc, 2026, 11, 23, 9, 30, 0);

  g_assert_no_error (error);
  g_assert_cmpstr (sa_access_request_get_id (request), ==, "XR-000001");
  g_assert_cmpstr (sa_access_request_get_reason (request), ==, "Support");
  g_assert_cmpint (sa_access_request_get_status (request), ==, SA_ACCESS_REQUEST_STATUS_PENDING);
  g_assert_cmpstr (sa_smart_account_get_domain (sa_access_request_get_smart_account (request)), ==,
                   "trattoria-mario.example");
  g_assert_null (sa_access_request_get_decided_date (request));
  g_assert_nonnull (sa_access_request_get_last_reminder_date (request));
  g_assert_cmpint (g_date_time_get_day_of_month (sa_access_request_get_next_reminder_date (request)), ==, 23);

  /* The 24-hour rule. */
  g_assert_false (sa_access_request_can_remind (request, before));
  g_assert_true (sa_access_request_can_remind (request, after));

  fresh = sa_access_request_new_from_json (fresh_object, &error);
  g_assert_no_error (error);
  g_assert_null (sa_access_request_get_next_reminder_date (fresh));
  g_assert_true (sa_access_request_can_remind (fresh, before));

  denied = sa_access_request_new_from_json (denied_object, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sa_access_request_get_status (denied), ==, SA_ACCESS_REQUEST_STATUS_DENIED);
  g_assert_nonnull (sa_access_request_get_decided_date (denied));
  g_assert_false (sa_access_request_can_remind (denied, after));
}

static void
test_json_access_request_bad (void)
{
  const char *bad[] = {
    "{\"smartAccount\": " ACCOUNT_JSON ", \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\"}",
    "{\"id\": \"XR-1\", \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\"}",
    "{\"id\": \"XR-1\", \"smartAccount\": " ACCOUNT_JSON ", \"status\": \"MAYBE\", \"createdDate\": \"2026-11-21T10:00:00Z\"}",
    "{\"id\": \"XR-1\", \"smartAccount\": " ACCOUNT_JSON ", \"status\": \"PENDING\", \"createdDate\": 1732183200}",
    "{\"id\": \"XR-1\", \"smartAccount\": " ACCOUNT_JSON ", \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\","
    " \"nextReminderDate\": \"tomorrow\"}",
    "{\"id\": \"XR-1\", \"smartAccount\": [], \"status\": \"PENDING\", \"createdDate\": \"2026-11-21T10:00:00Z\"}",
    "{\"id\": \"XR-1\", \"smartAccount\": " ACCOUNT_JSON ", \"reason\": 5, \"status\": \"PENDING\","
    " \"createdDate\": \"2026-11-21T10:00:00Z\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonObject) object = parse_object (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SaAccessRequest) request = sa_access_request_new_from_json (object, &error);

      g_assert_null (request);
      g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
    }
}

static void
test_profile_new (void)
{
  g_autoptr(SaProfile) profile = sa_profile_new ("trainee", "Anna", "Rossi", "anna@example.com",
                                                 "Northwind", "Italy", NULL);
  g_autofree char *display = sa_profile_dup_display_name (profile);

  g_assert_cmpstr (sa_profile_get_username (profile), ==, "trainee");
  g_assert_cmpstr (sa_profile_get_company (profile), ==, "Northwind");
  g_assert_null (sa_profile_get_phone (profile));
  g_assert_cmpstr (display, ==, "Anna Rossi");
}

/* Drafts */

static void
on_async_ready (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("An async call did not complete within 30 s");
      g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (slot);
}

static gboolean
draft_save (const char  *name,
            GVariant    *value,
            GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_save_async (name, value, NULL, on_async_ready, &slot);
  result = wait_for (&slot);
  return sa_draft_save_finish (result, error);
}

static GVariant *
draft_load (const char  *name,
            GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_load_async (name, NULL, on_async_ready, &slot);
  result = wait_for (&slot);
  return sa_draft_load_finish (result, error);
}

static gboolean
draft_remove (const char  *name,
              GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  sa_draft_remove_async (name, NULL, on_async_ready, &slot);
  result = wait_for (&slot);
  return sa_draft_remove_finish (result, error);
}

static GVariant *
make_draft (const char *account_name)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *users[] = { "anna@example.com", "luca@example.com", NULL };

  g_variant_dict_insert (&dict, "account-name", "s", account_name);
  g_variant_dict_insert (&dict, "users", "^as", users);
  g_variant_dict_insert (&dict, "page", "u", 2);
  return g_variant_dict_end (&dict);
}

static void
test_draft_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GVariant) expected = g_variant_ref_sink (make_draft ("Trattoria “Da Mario” 東京"));
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCOUNT_REQUEST);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_STATE_HOME"),
                                                    "smart-account-desk", "drafts", NULL);
  GStatBuf st;

  /* Under the (test's) XDG_STATE_HOME. */
  g_assert_true (g_str_has_prefix (path, expected_dir));
  g_assert_true (g_str_has_suffix (path, "/account-request.gvariant"));

  /* Nothing yet: NULL without an error. */
  loaded = draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (draft_save (SA_DRAFT_ACCOUNT_REQUEST, make_draft ("Trattoria “Da Mario” 東京"), &error));
  g_assert_no_error (error);

  /* Readable by the user only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  loaded = draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_variant_is_of_type (loaded, G_VARIANT_TYPE_VARDICT));
  g_assert_true (g_variant_equal (loaded, expected));
  g_clear_pointer (&loaded, g_variant_unref);

  /* Another draft name is independent. */
  loaded = draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_assert_true (draft_remove (SA_DRAFT_ACCOUNT_REQUEST, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  loaded = draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  /* Removing nothing is fine. */
  g_assert_true (draft_remove (SA_DRAFT_ACCOUNT_REQUEST, &error));
  g_assert_no_error (error);
}

static void
test_draft_serialised (void)
{
  GAsyncResult *slots[6] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) loaded = NULL;
  g_autoptr(GVariant) last = g_variant_ref_sink (make_draft ("version 5"));

  /* Several saves in a row: every one completes, the last one wins. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("version %u", i + 1);

      sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, make_draft (name), NULL, on_async_ready, &slots[i]);
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GAsyncResult) result = wait_for (&slots[i]);

      g_assert_true (sa_draft_save_finish (result, &error));
      g_assert_no_error (error);
    }

  loaded = draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_equal (loaded, last));
  g_clear_pointer (&loaded, g_variant_unref);

  /* A save then a remove at once: the remove comes last, the draft stays gone. */
  sa_draft_save_async (SA_DRAFT_ACCESS_REQUEST, make_draft ("late"), NULL, on_async_ready, &slots[0]);
  sa_draft_remove_async (SA_DRAFT_ACCESS_REQUEST, NULL, on_async_ready, &slots[1]);
  {
    g_autoptr(GAsyncResult) saved = wait_for (&slots[0]);
    g_autoptr(GAsyncResult) removed = wait_for (&slots[1]);

    g_assert_true (sa_draft_save_finish (saved, NULL));
    g_assert_true (sa_draft_remove_finish (removed, NULL));
  }
  loaded = draft_load (SA_DRAFT_ACCESS_REQUEST, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);
}

static void
test_draft_corrupt (void)
{
  g_autoptr(GFile) file = sa_draft_get_file (SA_DRAFT_ACCOUNT_REQUEST);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  const char *garbage[] = {
    "",
    "not a variant",
    "{'account-name': <'unterminated",
    "[1, 2, 3]",                                /* not a dictionary */
    "\xff\xfe\x00\x01 binary",
  };

  g_file_make_directory_with_parents (dir, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GVariant) loaded = NULL;
      gsize length = i == G_N_ELEMENTS (garbage) - 1 ? 13 : strlen (garbage[i]);

      g_assert_true (g_file_replace_contents (file, garbage[i], length, NULL, FALSE,
                                              G_FILE_CREATE_NONE, NULL, NULL, &error));
      g_assert_no_error (error);

      loaded = draft_load (SA_DRAFT_ACCOUNT_REQUEST, &error);
      g_assert_null (loaded);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }

  /* A damaged draft can be removed and saved again. */
  g_assert_true (draft_remove (SA_DRAFT_ACCOUNT_REQUEST, NULL));
  g_assert_true (draft_save (SA_DRAFT_ACCOUNT_REQUEST, make_draft ("again"), NULL));
  g_assert_true (draft_remove (SA_DRAFT_ACCOUNT_REQUEST, NULL));
}

static void
test_draft_bad_input (void)
{
  const char *bad_names[] = { "", "../escape", "Upper", "a/b", "name.gvariant", "nul\x01" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (draft_save (bad_names[i], make_draft ("x"), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_null (draft_load (bad_names[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      g_assert_false (draft_remove (bad_names[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  {
    g_autoptr(GError) error = NULL;

    /* Not a dictionary. */
    g_assert_false (draft_save (SA_DRAFT_ACCOUNT_REQUEST, g_variant_new_string ("x"), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int ret;

  /* Drafts go to a fresh state directory, set before GLib caches it. */
  state_dir = g_dir_make_tmp ("sa-test-core-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/types/round-trip", test_types_round_trip);
  g_test_add_func ("/core/types/wire-names", test_types_wire_names);
  g_test_add_func ("/core/types/labels", test_types_labels);
  g_test_add_func ("/core/validate/email", test_validate_email);
  g_test_add_func ("/core/validate/domain", test_validate_domain);
  g_test_add_func ("/core/validate/sales-order-number", test_validate_sales_order_number);
  g_test_add_func ("/core/validate/searches", test_validate_searches);
  g_test_add_func ("/core/json/smart-account", test_json_smart_account);
  g_test_add_func ("/core/json/smart-account-bad", test_json_smart_account_bad);
  g_test_add_func ("/core/json/virtual-account", test_json_virtual_account);
  g_test_add_func ("/core/json/assignment", test_json_assignment);
  g_test_add_func ("/core/json/order", test_json_order);
  g_test_add_func ("/core/json/order-null-slots", test_json_order_null_slots);
  g_test_add_func ("/core/json/order-bad", test_json_order_bad);
  g_test_add_func ("/core/json/profile", test_json_profile);
  g_test_add_func ("/core/error/codes", test_error_codes);
  g_test_add_func ("/core/error/user-messages", test_error_user_messages);
  g_test_add_func ("/core/client/properties", test_client_properties);
  g_test_add_func ("/core/types/requests", test_types_requests);
  g_test_add_func ("/core/error/codes-requests", test_error_codes_requests);
  g_test_add_func ("/core/validate/requests", test_validate_requests);
  g_test_add_func ("/core/json/account-request", test_json_account_request);
  g_test_add_func ("/core/json/account-request-bad", test_json_account_request_bad);
  g_test_add_func ("/core/json/access-request", test_json_access_request);
  g_test_add_func ("/core/json/access-request-bad", test_json_access_request_bad);
  g_test_add_func ("/core/profile/new", test_profile_new);
  g_test_add_func ("/core/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/core/draft/serialised", test_draft_serialised);
  g_test_add_func ("/core/draft/corrupt", test_draft_corrupt);
  g_test_add_func ("/core/draft/bad-input", test_draft_bad_input);

  ret = g_test_run ();

  /* Nothing but drafts was written under the state directory. */
  {
    g_autofree char *drafts = g_build_filename (state_dir, "smart-account-desk", "drafts", NULL);
    g_autofree char *app = g_build_filename (state_dir, "smart-account-desk", NULL);

    if (g_file_test (drafts, G_FILE_TEST_IS_DIR))
      {
        g_autoptr(GDir) dir = g_dir_open (drafts, 0, NULL);

        g_assert_null (g_dir_read_name (dir));
        g_rmdir (drafts);
      }
    g_rmdir (app);
    g_assert_cmpint (g_rmdir (state_dir), ==, 0);
  }

  return ret;
}
