/* test-validate.c — the input checks shared by the app and the sandbox, and the one loopback rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-util.h"

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

/* The one rule for "this computer": literal loopback addresses and
 * "localhost"; a name that only starts like one is resolved like any other. */
static void
test_host_loopback (void)
{
  const char *loopback[] = {
    "127.0.0.1", "127.1.2.3", "127.255.255.254", "::1", "[::1]", "localhost", "LocalHost",
  };
  const char *not_loopback[] = {
    "127.example.com", "127.0.0.1.example.com", "localhost.example.com", "128.0.0.1",
    "10.0.0.1", "::2", "[::2]", "desk.example.com", "", "[]", "[127.0.0.1", "127.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (loopback); i++)
    {
      g_test_message ("loopback: %s", loopback[i]);
      g_assert_true (sa_host_is_loopback (loopback[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_loopback); i++)
    {
      g_test_message ("not loopback: %s", not_loopback[i]);
      g_assert_false (sa_host_is_loopback (not_loopback[i]));
    }

  g_assert_false (sa_host_is_loopback (NULL));

  /* The validators follow the same rule. */
  g_assert_true (sa_validate_server_uri ("http://localhost:8080/", NULL));
  g_assert_true (sa_validate_server_uri ("http://[::1]:8080/", NULL));
  g_assert_false (sa_validate_server_uri ("http://127.example.com/", NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/validate/email", test_validate_email);
  g_test_add_func ("/core/validate/domain", test_validate_domain);
  g_test_add_func ("/core/validate/sales-order-number", test_validate_sales_order_number);
  g_test_add_func ("/core/validate/searches", test_validate_searches);
  g_test_add_func ("/core/validate/requests", test_validate_requests);
  g_test_add_func ("/core/validate/host-loopback", test_host_loopback);

  return g_test_run ();
}
