/* test-objects.c — the domain objects: built from Desk API JSON (sa-json-private.h) and by their constructors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-util.h"

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

/* The Desk's optional parties and lines; an order without them has none. */
static void
test_json_order_lines (void)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaOrder) plain = NULL;
  g_autoptr(SaOrderLine) line = NULL;
  g_autoptr(GDateTime) promised = g_date_time_new_utc (2026, 10, 2, 7, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines_prop = NULL;
  g_autofree char *status_text = NULL;
  gboolean known = FALSE;

  object = parse_object ("{\"salesOrderNumber\": \"104857601\", \"status\": \"SHIPPED\", \"version\": 1,"
                         " \"billToName\": \"Northwind Networks\", \"shipToName\": \"Acme Industrie SA\","
                         " \"lines\": [{\"sku\": \"C9300-24T-E\", \"description\": \"Catalyst 9300 24-port\","
                         " \"quantity\": 2, \"lineNumber\": \"1.1\", \"promisedDate\": \"2026-10-02T07:00:00Z\"},"
                         " {\"sku\": \"C9300-DNA-E-24\"}]}");
  order = sa_order_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sa_order_get_bill_to_name (order), ==, "Northwind Networks");
  g_assert_cmpstr (sa_order_get_ship_to_name (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_order_get_status_text (order), ==, "SHIPPED");
  g_assert_true (sa_order_get_assignment_known (order));
  g_assert_cmpuint (g_list_model_get_n_items (sa_order_get_lines (order)), ==, 2);
  line = g_list_model_get_item (sa_order_get_lines (order), 0);
  g_assert_cmpstr (sa_order_line_get_sku (line), ==, "C9300-24T-E");
  g_assert_cmpstr (sa_order_line_get_description (line), ==, "Catalyst 9300 24-port");
  g_assert_cmpfloat (sa_order_line_get_quantity (line), ==, 2);
  g_assert_cmpstr (sa_order_line_get_line_number (line), ==, "1.1");
  g_assert_true (g_date_time_equal (sa_order_line_get_promised_date (line), promised));
  g_clear_object (&line);
  line = g_list_model_get_item (sa_order_get_lines (order), 1);
  g_assert_null (sa_order_line_get_description (line));
  g_assert_null (sa_order_line_get_promised_date (line));

  g_object_get (order, "lines", &lines_prop, "status-text", &status_text, "assignment-known", &known, NULL);
  g_assert_true (lines_prop == sa_order_get_lines (order));
  g_assert_cmpstr (status_text, ==, "SHIPPED");
  g_assert_true (known);

  /* Today's Desk JSON: no lines, no parties. */
  g_clear_pointer (&object, json_object_unref);
  object = parse_object ("{\"salesOrderNumber\": \"104857602\", \"status\": \"BOOKED\", \"version\": 1,"
                         " \"lines\": null}");
  plain = sa_order_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sa_order_get_lines (plain)), ==, 0);
  g_assert_null (sa_order_get_bill_to_name (plain));

  /* A line without its SKU is not the contract. */
  bad = parse_object ("{\"salesOrderNumber\": \"1\", \"status\": \"BOOKED\", \"version\": 1,"
                      " \"lines\": [{\"quantity\": 2}]}");
  g_assert_null (sa_order_new_from_json (bad, NULL, &error));
  g_assert_error (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_RESPONSE);
}

/* An order built by a back end that does not read the Desk's JSON (Cisco). */
static void
test_order_new (void)
{
  g_autoptr(SaOrder) order = sa_order_new ("104857601", SA_ORDER_STATUS_BOOKED, "Partially Booked");
  g_autoptr(SaOrder) plain = sa_order_new ("104857602", SA_ORDER_STATUS_SHIPPED, NULL);
  g_autoptr(SaOrderLine) line = sa_order_line_new ("C9300-24T-E", NULL, 1, NULL, NULL, "1");

  sa_order_set_numbers (order, "WO73910452", "PO-ACME-2291");
  sa_order_set_parties (order, "Northwind Networks", NULL, "Acme Industrie SA");
  sa_order_set_description (order, "Catalyst 9300 24-port", "2026-09-14");
  sa_order_set_assignment_known (order, FALSE);
  sa_order_add_line (order, line);

  g_assert_cmpstr (sa_order_get_sales_order_number (order), ==, "104857601");
  g_assert_cmpstr (sa_order_get_web_order_id (order), ==, "WO73910452");
  g_assert_cmpstr (sa_order_get_purchase_order_number (order), ==, "PO-ACME-2291");
  g_assert_cmpstr (sa_order_get_bill_to_name (order), ==, "Northwind Networks");
  g_assert_null (sa_order_get_ship_to_name (order));
  g_assert_cmpstr (sa_order_get_end_customer_name (order), ==, "Acme Industrie SA");
  g_assert_cmpstr (sa_order_get_description (order), ==, "Catalyst 9300 24-port");
  g_assert_cmpstr (sa_order_get_created_date (order), ==, "2026-09-14");
  g_assert_cmpint (sa_order_get_status (order), ==, SA_ORDER_STATUS_BOOKED);
  g_assert_cmpstr (sa_order_get_status_text (order), ==, "Partially Booked");
  g_assert_false (sa_order_get_assignment_known (order));
  g_assert_null (sa_order_get_etag (order));
  g_assert_cmpint (sa_order_get_version (order), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sa_order_get_lines (order)), ==, 1);
  g_assert_cmpstr (sa_order_line_get_ship_set (line), ==, "1");

  g_assert_cmpstr (sa_order_get_status_text (plain), ==, "SHIPPED");
  g_assert_true (sa_order_get_assignment_known (plain));
  g_assert_false (sa_order_can_change_assignment (plain));
}

/* Licenses say which Smart Account holds them. */
static void
test_license (void)
{
  g_autoptr(SaLicense) license = sa_license_new ("DNA Advantage", "DEFAULT", 200, 10, 190, "In Compliance");
  g_autoptr(SaLicenseDetail) detail = sa_license_detail_new ("104857601", "DNA-A-3Y", "TERM", 100, "ACTIVE",
                                                             "2026-01-01", NULL);

  sa_license_add_detail (license, detail);
  g_assert_null (sa_license_get_smart_account_domain (license));
  sa_license_set_smart_account (license, "acme-industrie.fr", "Acme Industrie");
  g_assert_cmpstr (sa_license_get_smart_account_domain (license), ==, "acme-industrie.fr");
  g_assert_cmpstr (sa_license_get_smart_account_name (license), ==, "Acme Industrie");
  g_assert_true (sa_license_has_order (license, "104857601"));
  g_assert_false (sa_license_has_order (license, "104857602"));
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/smart-account", test_json_smart_account);
  g_test_add_func ("/core/json/smart-account-bad", test_json_smart_account_bad);
  g_test_add_func ("/core/json/virtual-account", test_json_virtual_account);
  g_test_add_func ("/core/json/assignment", test_json_assignment);
  g_test_add_func ("/core/json/order", test_json_order);
  g_test_add_func ("/core/json/order-null-slots", test_json_order_null_slots);
  g_test_add_func ("/core/json/order-bad", test_json_order_bad);
  g_test_add_func ("/core/json/order-lines", test_json_order_lines);
  g_test_add_func ("/core/order/new", test_order_new);
  g_test_add_func ("/core/license", test_license);
  g_test_add_func ("/core/json/profile", test_json_profile);
  g_test_add_func ("/core/json/account-request", test_json_account_request);
  g_test_add_func ("/core/json/account-request-bad", test_json_account_request_bad);
  g_test_add_func ("/core/json/access-request", test_json_access_request);
  g_test_add_func ("/core/json/access-request-bad", test_json_access_request_bad);
  g_test_add_func ("/core/profile/new", test_profile_new);

  return g_test_run ();
}
