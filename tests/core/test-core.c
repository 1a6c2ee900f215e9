/* test-core.c — unit tests of the core layer: enums, validation, JSON, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sa-core.h"

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
  g_autoptr(SaClient) client = sa_client_new ("http://127.0.0.1:8080");
  g_autoptr(SaClient) with_path = sa_client_new ("https://desk.example.com/api");
  g_autoptr(SaClient) bad = sa_client_new ("not a uri");
  guint timeout = 0;
  gboolean signed_in = TRUE;

  g_assert_cmpstr (sa_client_get_base_uri (client), ==, "http://127.0.0.1:8080/");
  g_assert_cmpstr (sa_client_get_base_uri (with_path), ==, "https://desk.example.com/api/");
  g_assert_false (sa_client_get_signed_in (client));
  g_assert_null (sa_client_get_username (client));
  g_assert_cmpuint (sa_client_get_timeout (client), ==, 30);

  sa_client_set_timeout (client, 5);
  g_object_get (client, "timeout", &timeout, "signed-in", &signed_in, NULL);
  g_assert_cmpuint (timeout, ==, 5);
  g_assert_false (signed_in);

  /* Signing out when not signed in is harmless. */
  sa_client_sign_out (client);
  g_assert_false (sa_client_get_signed_in (client));

  g_assert_nonnull (bad);
}

int
main (int   argc,
      char *argv[])
{
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

  return g_test_run ();
}
