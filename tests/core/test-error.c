/* test-error.c — the client error domain: wire codes, HTTP statuses, user messages, the details an error carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core-test-util.h"
#include "sa-error-private.h"

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
    SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE, SA_CLIENT_ERROR_REDIRECT_LOOP,
    SA_CLIENT_ERROR_REDIRECT_REFUSED, SA_CLIENT_ERROR_TOO_SLOW, SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS,
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

  /* Every code has a sentence of its own: in particular an untrusted
   * certificate, a redirect loop or refusal, a timeout and a slow trickle
   * are not all "could not be reached". */
  for (int code = SA_CLIENT_ERROR_FAILED; code <= SA_CLIENT_ERROR_TOO_MANY_ATTEMPTS; code++)
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

  /* The transport failures say what they are. */
  {
    g_autoptr(GError) untrusted = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_UNTRUSTED_CERTIFICATE, "");
    g_autoptr(GError) slow = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_TOO_SLOW, "");
    g_autoptr(GError) loop = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_REDIRECT_LOOP, "");
    g_autofree char *untrusted_message = sa_error_dup_user_message (untrusted);
    g_autofree char *slow_message = sa_error_dup_user_message (slow);
    g_autofree char *loop_message = sa_error_dup_user_message (loop);

    g_assert_nonnull (strstr (untrusted_message, "certificate is not trusted"));
    g_assert_nonnull (strstr (slow_message, "too slowly"));
    g_assert_nonnull (strstr (loop_message, "without ever answering"));
    g_assert_null (strstr (untrusted_message, "network"));
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

/* A back end that cannot do something says so, in the user's language, and
 * the code never comes from a server. */
static void
test_error_not_supported (void)
{
  g_autoptr(GError) error = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED, "");
  g_autofree char *message = sa_error_dup_user_message (error);

  g_assert_null (sa_client_error_to_code (SA_CLIENT_ERROR_NOT_SUPPORTED));
  g_assert_cmpint (sa_client_error_from_code ("NOT_SUPPORTED"), ==, SA_CLIENT_ERROR_FAILED);
  g_assert_cmpuint (sa_client_error_get_http_status (SA_CLIENT_ERROR_NOT_SUPPORTED), ==, 500);
  g_assert_nonnull (strstr (message, "portal"));
}

/* The details an error carries: set by a back end, kept by g_error_copy(),
 * none on an error that was never given any. */
static void
test_error_details (void)
{
  g_autoptr(GError) error = sa_client_error_new (SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED, "detail for the log");
  g_autoptr(GError) plain = g_error_new_literal (SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED, "x");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_autoptr(GError) copy = NULL;
  g_autoptr(GListStore) candidates = g_list_store_new (SA_TYPE_SMART_ACCOUNT);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) next = g_date_time_new (utc, 2026, 11, 23, 9, 30, 0);
  g_autofree char *message = sa_error_dup_user_message (error);
  g_autofree char *phone_message = NULL;
  const SaRefusedField *unknown;

  /* The message is the user's sentence; the detail went to the debug log. */
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (strstr (error->message, "detail for the log"));

  sa_client_error_set_candidates (error, G_LIST_MODEL (candidates));
  sa_client_error_set_next_reminder (error, next);
  sa_client_error_add_refused_field (error, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_PHONE, G_MAXUINT,
                                     "phone", "Bad phone", NULL);
  sa_client_error_add_refused_field (error, SA_FIELD_FORM_PROFILE, -1, G_MAXUINT,
                                     "fax", "Unknown field", NULL);

  copy = g_error_copy (error);
  g_clear_error (&error);
  g_assert_true (sa_client_error_get_candidates (copy) == G_LIST_MODEL (candidates));
  g_assert_true (g_date_time_equal (sa_client_error_get_next_reminder (copy), next));
  g_assert_nonnull (sa_client_error_find_refused_field (copy, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_PHONE));
  g_assert_null (sa_client_error_find_refused_field (copy, SA_FIELD_FORM_ACCOUNT_REQUEST, SA_PROFILE_FIELD_PHONE));
  g_assert_cmpstr (sa_client_error_find_refused_field (copy, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_PHONE)->detail,
                   ==, "Bad phone");
  unknown = sa_client_error_find_refused_field (copy, SA_FIELD_FORM_PROFILE, -1);
  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown->key, ==, "fax");
  g_assert_cmpstr (unknown->detail, ==, "Unknown field");

  /* A field the app does not know has no sentence; a known one has ours. */
  phone_message = sa_client_error_dup_profile_field (copy, SA_PROFILE_FIELD_PHONE);
  g_assert_nonnull (phone_message);
  g_assert_null (strstr (phone_message, "Bad phone"));

  g_assert_null (sa_client_error_get_candidates (plain));
  g_assert_null (sa_client_error_get_next_reminder (plain));
  g_assert_null (sa_client_error_find_refused_field (plain, SA_FIELD_FORM_PROFILE, SA_PROFILE_FIELD_PHONE));
  g_assert_null (sa_client_error_dup_profile_field (plain, SA_PROFILE_FIELD_PHONE));
  g_assert_null (sa_client_error_get_candidates (other));
  g_assert_null (sa_client_error_find_refused_field (other, SA_FIELD_FORM_PROFILE, -1));
  g_assert_null (sa_client_error_dup_account_request_field (other, SA_ACCOUNT_REQUEST_FIELD_USERS, NULL));
  g_assert_null (sa_client_error_dup_account_request_field (NULL, SA_ACCOUNT_REQUEST_FIELD_USERS, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/error/codes", test_error_codes);
  g_test_add_func ("/core/error/user-messages", test_error_user_messages);
  g_test_add_func ("/core/error/codes-requests", test_error_codes_requests);
  g_test_add_func ("/core/error/not-supported", test_error_not_supported);
  g_test_add_func ("/core/error/details", test_error_details);

  return g_test_run ();
}
