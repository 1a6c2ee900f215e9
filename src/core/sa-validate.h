/* sa-validate.h — input checks shared by the app and the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sa-types.h"

G_BEGIN_DECLS

#define SA_MAX_SEARCH_LENGTH 128   /* characters in any search value */
#define SA_MAX_EMAIL_LENGTH  254
#define SA_MAX_DOMAIN_LENGTH 253

/* Each returns TRUE when @str is acceptable; otherwise FALSE and, when @error is
 * not NULL, SA_CLIENT_ERROR_INVALID_INPUT with a translated message for the user.
 * NULL, empty, invalid UTF-8, control characters and over-long strings are refused. */
gboolean sa_validate_email              (const char  *str,
                                         GError     **error);
/* A DNS-style Account Domain ("acme-industrie.fr"): labels of letters, digits and
 * hyphens, at least two labels. */
gboolean sa_validate_domain             (const char  *str,
                                         GError     **error);
/* A full Sales Order No.: 1 to 20 ASCII digits. */
gboolean sa_validate_sales_order_number (const char  *str,
                                         GError     **error);
/* A search value for @field (partial values allowed: a Sales Order No. search takes
 * 1–20 digits, the others printable text up to SA_MAX_SEARCH_LENGTH). */
gboolean sa_validate_order_search       (SaOrderSearchField   field,
                                         const char          *value,
                                         GError             **error);
/* A search value for a Smart Account search: printable text, 1 to
 * SA_MAX_SEARCH_LENGTH characters (partial domains, names and e-mails allowed). */
gboolean sa_validate_account_search    (SaAccountSearchField  field,
                                         const char           *value,
                                         GError              **error);

/* A Virtual Account Name as sent in an assignment: printable text (any script),
 * 1 to SA_MAX_SEARCH_LENGTH characters. */
gboolean sa_validate_virtual_account_name (const char  *str,
                                           GError     **error);

#define SA_MAX_ACCOUNT_NAME_LENGTH 100
#define SA_MAX_NOTE_LENGTH         1000
#define SA_MAX_USERS               50
#define SA_MAX_REASON_LENGTH       500
#define SA_MAX_PROFILE_FIELD_LENGTH 100
#define SA_MAX_PHONE_LENGTH        40

/* Account Name of a requested Smart Account: 1 to SA_MAX_ACCOUNT_NAME_LENGTH
 * printable characters. */
gboolean sa_validate_account_name       (const char  *str,
                                         GError     **error);
/* Optional note (Note to Customer, Note to Added Users): NULL or empty is fine,
 * at most SA_MAX_NOTE_LENGTH characters, no control characters but newlines/tabs. */
gboolean sa_validate_note               (const char  *str,
                                         GError     **error);
/* User e-mails to add: at most SA_MAX_USERS, each valid, no duplicates
 * (case-insensitive). On error *bad_index (when not NULL) is the first bad one. */
gboolean sa_validate_user_emails        (const char * const *emails,
                                         guint              *bad_index,
                                         GError            **error);
/* Reason for request: required, 1 to SA_MAX_REASON_LENGTH characters. */
gboolean sa_validate_reason             (const char  *str,
                                         GError     **error);
/* A required profile field (first/last name, company, country): 1 to
 * SA_MAX_PROFILE_FIELD_LENGTH printable characters. */
gboolean sa_validate_profile_field      (const char  *str,
                                         GError     **error);
/* Optional phone number: digits, spaces, + - ( ) . only, at most SA_MAX_PHONE_LENGTH. */
gboolean sa_validate_phone              (const char  *str,
                                         GError     **error);
/* A literal loopback address (127.0.0.0/8, ::1, bracketed or not) or
 * "localhost"; "127.example.com" is not. The one rule for "this computer". */
gboolean sa_host_is_loopback            (const char  *host);
gboolean sa_uri_is_loopback             (const char  *uri);
/* A Live server address: an absolute http(s) URI; plain http only for loopback
 * hosts (sa_host_is_loopback()), else SA_CLIENT_ERROR_INSECURE_URI. */
gboolean sa_validate_server_uri         (const char  *str,
                                         GError     **error);

G_END_DECLS
