/* sa-validate.c — input checks shared by the app and the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-validate.h"

#define MAX_DOMAIN_LABEL_LENGTH 63
#define MAX_EMAIL_LOCAL_LENGTH  64
#define MAX_SALES_ORDER_DIGITS  20

typedef enum
{
  TEXT_OK,
  TEXT_EMPTY,
  TEXT_TOO_LONG,
  TEXT_INVALID_UTF8,
  TEXT_CONTROL,
} TextCheck;

/* Checks that @str is valid UTF-8 of 1 to @max_chars characters, with no control
 * character and not only white space; when @multi_line is TRUE, newlines (\n,
 * \r\n) and tabs are allowed. Never reads more than 4 × @max_chars + 1 bytes,
 * so huge strings are refused quickly. */
static TextCheck
check_text_full (const char *str,
                 gsize       max_chars,
                 gboolean    multi_line)
{
  gsize max_bytes = max_chars * 4;
  gsize len;
  gboolean only_space = TRUE;
  const char *end;

  if (str == NULL || *str == '\0')
    return TEXT_EMPTY;

  len = strnlen (str, max_bytes + 1);
  if (len > max_bytes)
    return TEXT_TOO_LONG;

  if (!g_utf8_validate (str, len, &end))
    return TEXT_INVALID_UTF8;

  if ((gsize) g_utf8_strlen (str, len) > max_chars)
    return TEXT_TOO_LONG;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multi_line && (c == '\n' || c == '\t' || (c == '\r' && p[1] == '\n')))
        continue;

      if (g_unichar_iscntrl (c) ||
          c == 0x2028 || c == 0x2029 ||   /* line and paragraph separators */
          c == 0xFEFF ||                  /* BOM / zero width no-break space */
          (c >= 0x202A && c <= 0x202E) || /* bidirectional embeddings and overrides */
          (c >= 0x2066 && c <= 0x2069) || /* bidirectional isolates */
          g_unichar_type (c) == G_UNICODE_SURROGATE ||
          g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        return TEXT_CONTROL;

      if (!g_unichar_isspace (c))
        only_space = FALSE;
    }

  if (only_space)
    return TEXT_EMPTY;

  return TEXT_OK;
}

static TextCheck
check_text (const char *str,
            gsize       max_chars)
{
  return check_text_full (str, max_chars, FALSE);
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static gboolean
fail_text (GError     **error,
           TextCheck    check,
           gsize        max_chars,
           const char  *empty_message)
{
  switch (check)
    {
    case TEXT_EMPTY:
      return fail (error, empty_message);
    case TEXT_TOO_LONG:
      {
        g_autofree char *message = NULL;

        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Enter at most %u character.",
                                                "Enter at most %u characters.",
                                                max_chars),
                                   (guint) max_chars);
        return fail (error, message);
      }
    case TEXT_INVALID_UTF8:
      return fail (error, _("The text contains bytes that are not valid characters. Type it again."));
    case TEXT_CONTROL:
      return fail (error, _("The text contains invisible control characters. Remove them and try again."));
    case TEXT_OK:
    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
is_ascii_ldh (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* DNS-style host name: ASCII labels of letters, digits and hyphens, 1–63
 * characters each, not starting or ending with a hyphen, at least two labels. */
static gboolean
is_valid_domain (const char *str,
                 gsize       len)
{
  gsize label_len = 0;
  guint n_labels = 0;

  if (len == 0 || len > SA_MAX_DOMAIN_LENGTH)
    return FALSE;

  for (gsize i = 0; i <= len; i++)
    {
      char c = i < len ? str[i] : '.';

      if (c == '.')
        {
          if (label_len == 0 || label_len > MAX_DOMAIN_LABEL_LENGTH)
            return FALSE;
          if (str[i - 1] == '-')
            return FALSE;
          n_labels++;
          label_len = 0;
        }
      else if (is_ascii_ldh (c))
        {
          if (label_len == 0 && c == '-')
            return FALSE;
          label_len++;
        }
      else
        {
          return FALSE;
        }
    }

  /* The top-level label is never all digits (that would be an IP address). */
  {
    const char *last = g_strrstr_len (str, len, ".");
    gboolean all_digits = TRUE;

    if (last == NULL)
      return FALSE;

    for (const char *p = last + 1; p < str + len; p++)
      if (!g_ascii_isdigit (*p))
        all_digits = FALSE;
    if (all_digits)
      return FALSE;
  }

  return n_labels >= 2;
}

static gboolean
is_email_atext (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

/**
 * sa_validate_email:
 * @str: (nullable): an e-mail address, UTF-8
 * @error: return location for a #GError, or %NULL
 *
 * Checks an e-mail address before it is sent (Email ID search, step 6 of
 * assigning an order; Customer Email of a Smart Account request): a dot-atom
 * local part of at most 64 characters, "@", and a domain as
 * sa_validate_domain() accepts it; at most %SA_MAX_EMAIL_LENGTH characters.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_email (const char  *str,
                   GError     **error)
{
  const char *message = _("Enter an e-mail address such as name@example.com.");
  TextCheck check;
  const char *at;
  gsize len;
  gsize local_len;

  check = check_text (str, SA_MAX_EMAIL_LENGTH);
  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_EMAIL_LENGTH, message);

  len = strlen (str);
  if (len > SA_MAX_EMAIL_LENGTH)
    return fail_text (error, TEXT_TOO_LONG, SA_MAX_EMAIL_LENGTH, message);

  at = strchr (str, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return fail (error, message);

  local_len = at - str;
  if (local_len == 0 || local_len > MAX_EMAIL_LOCAL_LENGTH)
    return fail (error, message);
  if (str[0] == '.' || str[local_len - 1] == '.')
    return fail (error, message);

  for (gsize i = 0; i < local_len; i++)
    {
      if (str[i] == '.')
        {
          if (str[i + 1] == '.')
            return fail (error, message);
        }
      else if (!is_email_atext (str[i]))
        {
          return fail (error, message);
        }
    }

  if (!is_valid_domain (at + 1, len - local_len - 1))
    return fail (error, message);

  return TRUE;
}

/**
 * sa_validate_domain:
 * @str: (nullable): an Account Domain Identifier such as "acme-industrie.fr"
 * @error: return location for a #GError, or %NULL
 *
 * Checks a Domain Identifier before it is sent (the Smart Account chosen in
 * step 6 of assigning an order; the Account Domain of a request): ASCII labels
 * of letters, digits and hyphens, 1–63 characters each, at least two labels, at
 * most %SA_MAX_DOMAIN_LENGTH characters.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_domain (const char  *str,
                    GError     **error)
{
  const char *message = _("Enter a domain identifier such as example.com: letters, digits and hyphens, with at least one dot.");
  TextCheck check;

  check = check_text (str, SA_MAX_DOMAIN_LENGTH);
  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_DOMAIN_LENGTH, message);

  if (!is_valid_domain (str, strlen (str)))
    return fail (error, message);

  return TRUE;
}

static gboolean
is_digits (const char *str,
           gsize       max_digits)
{
  gsize i;

  if (str == NULL || *str == '\0')
    return FALSE;

  for (i = 0; str[i] != '\0'; i++)
    {
      if (i >= max_digits || !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * sa_validate_sales_order_number:
 * @str: (nullable): a full Sales Order No.
 * @error: return location for a #GError, or %NULL
 *
 * Checks a Sales Order No. before an order is fetched or changed (step 3 of
 * updating an assignment: open the order): 1 to 20 ASCII digits.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_sales_order_number (const char  *str,
                                GError     **error)
{
  if (!is_digits (str, MAX_SALES_ORDER_DIGITS))
    return fail (error, _("A Sales Order No. has 1 to 20 digits and nothing else."));

  return TRUE;
}

/**
 * sa_validate_order_search:
 * @field: what the search looks in
 * @value: (nullable): the (possibly partial) value typed by the user
 * @error: return location for a #GError, or %NULL
 *
 * Checks an order search value (step 2 of assigning an order, step 3 of
 * updating one): 1–20 digits for a Sales Order No., otherwise printable text of
 * 1 to %SA_MAX_SEARCH_LENGTH characters.
 *
 * Returns: %TRUE when @value is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_order_search (SaOrderSearchField   field,
                          const char          *value,
                          GError             **error)
{
  TextCheck check;

  switch (field)
    {
    case SA_ORDER_SEARCH_SALES_ORDER_NUMBER:
      return sa_validate_sales_order_number (value, error);

    case SA_ORDER_SEARCH_WEB_ORDER_ID:
    case SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER:
      check = check_text (value, SA_MAX_SEARCH_LENGTH);
      if (check != TEXT_OK)
        return fail_text (error, check, SA_MAX_SEARCH_LENGTH,
                          field == SA_ORDER_SEARCH_WEB_ORDER_ID
                          ? _("Enter a Web Order No. to search for.")
                          : _("Enter a PO No. to search for."));
      return TRUE;

    default:
      return fail (error, _("Choose what to search by."));
    }
}

/**
 * sa_validate_account_search:
 * @field: what the Smart Account search looks in
 * @value: (nullable): the (possibly partial) Domain Identifier, Account Name or
 *   e-mail typed by the user
 * @error: return location for a #GError, or %NULL
 *
 * Checks a Smart Account search value (step 6 of assigning an order: search by
 * Domain Identifier, Account Name or Email ID): printable text of 1 to
 * %SA_MAX_SEARCH_LENGTH characters.
 *
 * Returns: %TRUE when @value is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_account_search (SaAccountSearchField   field,
                            const char            *value,
                            GError               **error)
{
  const char *empty_message;
  TextCheck check;

  switch (field)
    {
    case SA_ACCOUNT_SEARCH_DOMAIN:
      empty_message = _("Enter a Domain Identifier, or part of one, to search for.");
      break;
    case SA_ACCOUNT_SEARCH_NAME:
      empty_message = _("Enter an Account Name, or part of one, to search for.");
      break;
    case SA_ACCOUNT_SEARCH_EMAIL:
      empty_message = _("Enter an e-mail address, or part of one, to search for.");
      break;
    default:
      return fail (error, _("Choose what to search by."));
    }

  check = check_text (value, SA_MAX_SEARCH_LENGTH);
  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_SEARCH_LENGTH, empty_message);

  return TRUE;
}

/**
 * sa_validate_virtual_account_name:
 * @str: (nullable): a Virtual Account Name, UTF-8 in any script
 * @error: return location for a #GError, or %NULL
 *
 * Checks the Virtual Account chosen in the drop-down before the assignment is
 * submitted (step 7 of assigning an order): printable text of 1 to
 * %SA_MAX_SEARCH_LENGTH characters; Japanese and other double-byte names are
 * valid.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_virtual_account_name (const char  *str,
                                  GError     **error)
{
  TextCheck check;

  check = check_text (str, SA_MAX_SEARCH_LENGTH);
  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_SEARCH_LENGTH,
                      _("Choose a Virtual Account."));

  return TRUE;
}

/**
 * sa_validate_account_name:
 * @str: (nullable): the Account Name of a requested Smart Account, UTF-8
 * @error: return location for a #GError, or %NULL
 *
 * Checks the Account Name typed on "Identify Account Name and Customer" (step 1
 * of requesting a Smart Account for a customer): 1 to
 * %SA_MAX_ACCOUNT_NAME_LENGTH printable characters, any script.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_account_name (const char  *str,
                          GError     **error)
{
  TextCheck check = check_text (str, SA_MAX_ACCOUNT_NAME_LENGTH);

  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_ACCOUNT_NAME_LENGTH,
                      _("Enter the name of the customer's company as the Account Name."));

  return TRUE;
}

/**
 * sa_validate_note:
 * @str: (nullable): a Note to Customer or Note to Added Users
 * @error: return location for a #GError, or %NULL
 *
 * Checks an optional note of a Smart Account request (steps 1 and 2 of
 * requesting a Smart Account): %NULL, empty or blank is fine; otherwise at most
 * %SA_MAX_NOTE_LENGTH characters, several lines allowed, no other control
 * characters.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_note (const char  *str,
                  GError     **error)
{
  TextCheck check = check_text_full (str, SA_MAX_NOTE_LENGTH, TRUE);

  if (check == TEXT_OK || check == TEXT_EMPTY)
    return TRUE;

  return fail_text (error, check, SA_MAX_NOTE_LENGTH, NULL);
}

/**
 * sa_validate_user_emails:
 * @emails: (nullable) (array zero-terminated=1): the User Emails to add
 * @bad_index: (out) (optional): on failure, the index of the first refused
 *   address (%SA_MAX_USERS when there are too many)
 * @error: return location for a #GError, or %NULL
 *
 * Checks the list of "Add Users to the Account" (step 2 of requesting a Smart
 * Account for a customer): at most %SA_MAX_USERS addresses, each one valid as
 * sa_validate_email() says, none twice (ignoring case). %NULL or an empty list
 * is fine.
 *
 * Returns: %TRUE when the list is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_user_emails (const char * const  *emails,
                         guint               *bad_index,
                         GError             **error)
{
  g_autoptr(GHashTable) seen = NULL;
  guint n;

  if (bad_index != NULL)
    *bad_index = 0;

  if (emails == NULL)
    return TRUE;

  for (n = 0; emails[n] != NULL; n++)
    {
      if (n >= SA_MAX_USERS)
        {
          g_autofree char *message = NULL;

          if (bad_index != NULL)
            *bad_index = SA_MAX_USERS;
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Add at most %u user.",
                                                  "Add at most %u users.",
                                                  SA_MAX_USERS),
                                     (guint) SA_MAX_USERS);
          return fail (error, message);
        }
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      char *folded;

      if (!sa_validate_email (emails[i], error))
        {
          if (bad_index != NULL)
            *bad_index = i;
          return FALSE;
        }

      /* Valid addresses are ASCII. */
      folded = g_ascii_strdown (emails[i], -1);
      if (!g_hash_table_add (seen, folded))
        {
          if (bad_index != NULL)
            *bad_index = i;
          return fail (error, _("This e-mail address is already in the list."));
        }
    }

  return TRUE;
}

/**
 * sa_validate_reason:
 * @str: (nullable): the Reason for request
 * @error: return location for a #GError, or %NULL
 *
 * Checks the Reason for request of an access request (procedure 4: say why you
 * need access to the existing Smart Account): required, 1 to
 * %SA_MAX_REASON_LENGTH characters, several lines allowed.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_reason (const char  *str,
                    GError     **error)
{
  TextCheck check = check_text_full (str, SA_MAX_REASON_LENGTH, TRUE);

  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_REASON_LENGTH,
                      _("Say why you need access to this Smart Account."));

  return TRUE;
}

/**
 * sa_validate_profile_field:
 * @str: (nullable): a first name, last name, company or country
 * @error: return location for a #GError, or %NULL
 *
 * Checks a required field of "Update your profile" (procedure 4, before the
 * access request): 1 to %SA_MAX_PROFILE_FIELD_LENGTH printable characters.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_profile_field (const char  *str,
                           GError     **error)
{
  TextCheck check = check_text (str, SA_MAX_PROFILE_FIELD_LENGTH);

  if (check != TEXT_OK)
    return fail_text (error, check, SA_MAX_PROFILE_FIELD_LENGTH,
                      _("This field is required."));

  return TRUE;
}

/**
 * sa_validate_phone:
 * @str: (nullable): a phone number
 * @error: return location for a #GError, or %NULL
 *
 * Checks the optional phone number of "Update your profile": %NULL or empty is
 * fine; otherwise at most %SA_MAX_PHONE_LENGTH characters among digits, spaces
 * and + - ( ) . with at least one digit.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INVALID_INPUT and a translated message
 */
gboolean
sa_validate_phone (const char  *str,
                   GError     **error)
{
  const char *message = _("Enter a phone number with digits, spaces and + - ( ) . only, such as +33 1 23 45 67 89.");
  gboolean has_digit = FALSE;
  gsize i;

  if (str == NULL || *str == '\0')
    return TRUE;

  for (i = 0; str[i] != '\0'; i++)
    {
      if (i >= SA_MAX_PHONE_LENGTH)
        return fail_text (error, TEXT_TOO_LONG, SA_MAX_PHONE_LENGTH, NULL);
      if (g_ascii_isdigit (str[i]))
        has_digit = TRUE;
      else if (strchr (" +-().", str[i]) == NULL)
        return fail (error, message);
    }

  if (!has_digit)
    return fail (error, message);

  return TRUE;
}

/**
 * sa_host_is_loopback:
 * @host: (nullable): a host name or address as it appears in a URI
 *   ("127.0.0.1", "[::1]", "localhost", "desk.example.com")
 *
 * The one rule for "this computer": a literal loopback address (127.0.0.0/8 or
 * ::1, IPv6 with or without brackets, read with #GInetAddress) or the name
 * "localhost" (any case). A host name that merely starts like an address, such
 * as "127.example.com", is not loopback: it is resolved by DNS like any other.
 * Serves the rule that a password may cross plain HTTP only to this computer
 * (sa_validate_server_uri(), the Desk client), and the access-request monitor's
 * choice to go on checking while offline when the server is local.
 *
 * Returns: %TRUE when @host is this computer
 */
gboolean
sa_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  len = strlen (host);
  if (len > 2 && host[0] == '[' && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * sa_uri_is_loopback:
 * @uri: (nullable): an absolute URI, such as a back end's base URI
 *
 * Whether @uri names this computer, by sa_host_is_loopback()'s one rule. The
 * access-request monitor and the hand-off watch go on checking a local server
 * while the network is down.
 *
 * Returns: %TRUE when @uri parses and its host is this computer
 */
gboolean
sa_uri_is_loopback (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;

  if (uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  return parsed != NULL && sa_host_is_loopback (g_uri_get_host (parsed));
}

/**
 * sa_validate_server_uri:
 * @str: (nullable): a Live server address typed in Preferences
 * @error: return location for a #GError, or %NULL
 *
 * Checks a server address before it is used (Live mode): an absolute http or
 * https URI with a host, no user name or password in it, no query or fragment.
 * Plain http is refused for any host but this computer (127.0.0.0/8, ::1,
 * "localhost"), because the password and the token would cross the network
 * unencrypted.
 *
 * Returns: %TRUE when @str is acceptable; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_INSECURE_URI (plain http to another host) or
 *   %SA_CLIENT_ERROR_INVALID_INPUT, and a translated message
 */
gboolean
sa_validate_server_uri (const char  *str,
                        GError     **error)
{
  const char *message = _("Enter a server address such as https://desk.example.com/.");
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (check_text (str, 2048) != TEXT_OK || strpbrk (str, " \t") != NULL)
    return fail (error, message);

  uri = g_uri_parse (str, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return fail (error, message);

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      host == NULL || *host == '\0' ||
      g_uri_get_userinfo (uri) != NULL ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return fail (error, message);

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !sa_host_is_loopback (host))
    {
      g_set_error_literal (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INSECURE_URI,
                           _("This server address uses plain HTTP, which would send your password without encryption. Use an address starting with https://; plain http:// is accepted only for a server on this computer."));
      return FALSE;
    }

  return TRUE;
}
