/* sa-types.h — enumerations shared by the Desk API objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SaAccountType:
 * @SA_ACCOUNT_TYPE_CUSTOMER: an End Customer Smart Account ("CUSTOMER")
 * @SA_ACCOUNT_TYPE_HOLDING: a partner's Holding Smart Account ("HOLDING")
 *
 * The two kinds of Smart Account an order can be assigned to.
 */
typedef enum
{
  SA_ACCOUNT_TYPE_CUSTOMER,
  SA_ACCOUNT_TYPE_HOLDING,
} SaAccountType;

/**
 * SaAccountStatus:
 * @SA_ACCOUNT_STATUS_ACTIVE: "ACTIVE": licenses are provisioned to it
 * @SA_ACCOUNT_STATUS_PENDING: "PENDING": waiting for customer acceptance; an order
 *   may be assigned, licenses come once it is Active
 * @SA_ACCOUNT_STATUS_EXPIRED: "EXPIRED": the request was not accepted within 90 days
 */
typedef enum
{
  SA_ACCOUNT_STATUS_ACTIVE,
  SA_ACCOUNT_STATUS_PENDING,
  SA_ACCOUNT_STATUS_EXPIRED,
} SaAccountStatus;

/**
 * SaOrderStatus:
 * @SA_ORDER_STATUS_ENTERED: "ENTERED"
 * @SA_ORDER_STATUS_BOOKED: "BOOKED"
 * @SA_ORDER_STATUS_SCHEDULED: "SCHEDULED"
 * @SA_ORDER_STATUS_SHIPPED: "SHIPPED": the license is provisioned, the assignment
 *   can no longer change
 */
typedef enum
{
  SA_ORDER_STATUS_ENTERED,
  SA_ORDER_STATUS_BOOKED,
  SA_ORDER_STATUS_SCHEDULED,
  SA_ORDER_STATUS_SHIPPED,
} SaOrderStatus;

/**
 * SaOrderSearchField:
 * @SA_ORDER_SEARCH_SALES_ORDER_NUMBER: Sales Order No. ("salesOrderNumber")
 * @SA_ORDER_SEARCH_WEB_ORDER_ID: Web Order No. ("webOrderId")
 * @SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER: PO No. ("purchaseOrderNumber")
 *
 * What an order search looks in (step 2 of "assign an order", step 3 of "update").
 */
typedef enum
{
  SA_ORDER_SEARCH_SALES_ORDER_NUMBER,
  SA_ORDER_SEARCH_WEB_ORDER_ID,
  SA_ORDER_SEARCH_PURCHASE_ORDER_NUMBER,
} SaOrderSearchField;

/**
 * SaAccountSearchField:
 * @SA_ACCOUNT_SEARCH_DOMAIN: Domain Identifier ("domain")
 * @SA_ACCOUNT_SEARCH_NAME: Account Name ("name")
 * @SA_ACCOUNT_SEARCH_EMAIL: Email ID ("email")
 *
 * What a Smart Account search looks in (step 6 of "assign an order").
 */
typedef enum
{
  SA_ACCOUNT_SEARCH_DOMAIN,
  SA_ACCOUNT_SEARCH_NAME,
  SA_ACCOUNT_SEARCH_EMAIL,
} SaAccountSearchField;

/**
 * SaAccessRequestStatus:
 * @SA_ACCESS_REQUEST_STATUS_PENDING: "PENDING": waiting for the Smart Account's
 *   administrators
 * @SA_ACCESS_REQUEST_STATUS_APPROVED: "APPROVED"
 * @SA_ACCESS_REQUEST_STATUS_DENIED: "DENIED"
 */
typedef enum
{
  SA_ACCESS_REQUEST_STATUS_PENDING,
  SA_ACCESS_REQUEST_STATUS_APPROVED,
  SA_ACCESS_REQUEST_STATUS_DENIED,
} SaAccessRequestStatus;

/* Wire names ("CUSTOMER", "PENDING", "SHIPPED", "salesOrderNumber", "domain" …).
 * The *_from_string functions return FALSE for an unknown name. */
const char *sa_account_type_to_string          (SaAccountType         type);
gboolean    sa_account_type_from_string        (const char           *str,
                                                SaAccountType        *type);
const char *sa_account_status_to_string        (SaAccountStatus       status);
gboolean    sa_account_status_from_string      (const char           *str,
                                                SaAccountStatus      *status);
const char *sa_order_status_to_string          (SaOrderStatus         status);
gboolean    sa_order_status_from_string        (const char           *str,
                                                SaOrderStatus        *status);
const char *sa_order_search_field_to_string    (SaOrderSearchField    field);
gboolean    sa_order_search_field_from_string  (const char           *str,
                                                SaOrderSearchField   *field);
const char *sa_account_search_field_to_string  (SaAccountSearchField  field);
gboolean    sa_account_search_field_from_string (const char          *str,
                                                 SaAccountSearchField *field);

const char *sa_access_request_status_to_string (SaAccessRequestStatus status);
gboolean    sa_access_request_status_from_string (const char          *str,
                                                  SaAccessRequestStatus *status);

/* Translated, user-visible names ("Pending", "En attente", "In sospeso" …). */
const char *sa_account_type_get_label          (SaAccountType         type);
const char *sa_account_status_get_label        (SaAccountStatus       status);
const char *sa_order_status_get_label          (SaOrderStatus         status);
const char *sa_access_request_status_get_label (SaAccessRequestStatus status);
/* "Pending customer acceptance", "Active", "Expired": an account request's status. */
const char *sa_account_request_status_get_label (SaAccountStatus      status);

G_END_DECLS
