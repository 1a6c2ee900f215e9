/* sa-fields.h — the fields of the forms the procedures fill in, named without
 * any back end's wire names, and what went wrong with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SaAccountRequestField:
 * @SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME: Account Name
 * @SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL: Customer Email
 * @SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN: Account Domain
 * @SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER: Note to Customer
 * @SA_ACCOUNT_REQUEST_FIELD_USERS: User Emails (one of them: see the
 *   @user_index of sa_client_error_dup_account_request_field())
 * @SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS: Note to Added Users
 * @SA_ACCOUNT_REQUEST_N_FIELDS: the number of fields
 *
 * The fields of "Request a Smart Account" (procedure 3), in the order of its
 * steps "Identify Account Name and Customer" and "Add Users to the Account".
 */
typedef enum
{
  SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME,
  SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL,
  SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN,
  SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER,
  SA_ACCOUNT_REQUEST_FIELD_USERS,
  SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS,
  SA_ACCOUNT_REQUEST_N_FIELDS
} SaAccountRequestField;

/**
 * SaProfileField:
 * @SA_PROFILE_FIELD_FIRST_NAME: first name (required)
 * @SA_PROFILE_FIELD_LAST_NAME: last name (required)
 * @SA_PROFILE_FIELD_EMAIL: e-mail (required)
 * @SA_PROFILE_FIELD_COMPANY: company (required)
 * @SA_PROFILE_FIELD_COUNTRY: country (required)
 * @SA_PROFILE_FIELD_PHONE: phone (optional)
 * @SA_PROFILE_N_FIELDS: the number of fields
 *
 * The fields of "Update your profile", the first step of procedure 4.
 */
typedef enum
{
  SA_PROFILE_FIELD_FIRST_NAME,
  SA_PROFILE_FIELD_LAST_NAME,
  SA_PROFILE_FIELD_EMAIL,
  SA_PROFILE_FIELD_COMPANY,
  SA_PROFILE_FIELD_COUNTRY,
  SA_PROFILE_FIELD_PHONE,
  SA_PROFILE_N_FIELDS
} SaProfileField;

/* From the error of sa_client_create_account_request_finish(): NULL when
 * @field was not refused, else the translated sentence to show under it.
 * For SA_ACCOUNT_REQUEST_FIELD_USERS, *@user_index (when not NULL) receives
 * the position of the refused e-mail, G_MAXUINT when unknown. */
char *sa_client_error_dup_account_request_field (const GError          *error,
                                                 SaAccountRequestField  field,
                                                 guint                 *user_index);
/* From the error of sa_client_update_profile_finish(): NULL when @field was
 * not refused, else the translated sentence to show under it. */
char *sa_client_error_dup_profile_field         (const GError          *error,
                                                 SaProfileField         field);

G_END_DECLS
