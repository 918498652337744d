/**
 * Generated from the Fiscus API's /openapi.json by `npm run client:generate` (openapi-typescript).
 * Do not edit: apps/api/test/client.int.test.ts fails when this file and the server's document differ.
 */
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability (no authentication) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Healthy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            /** @enum {string} */
                            db: "ok";
                        };
                    };
                };
                /** @description CHAIN_UNAVAILABLE: a chain could not be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List funds */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Funds, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Fund"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a fund (decimals are fixed for life; policy applies to every chain) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateFund"];
                };
            };
            responses: {
                /** @description The fund */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Fund"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a fund */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The fund */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Fund"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the compliance policy (once, for every chain) */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Policy"];
                };
            };
            responses: {
                /** @description The fund with its new policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Fund"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fund’s deployments, one per chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deployments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Deployment"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Deploy the fund’s token on a configured chain (202: a deploy operation) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDeployment"];
                };
            };
            responses: {
                /** @description Deployment started */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deployment: components["schemas"]["Deployment"];
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/investors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Investors, newest first, filtered by KYC status, jurisdiction, type, KYC expiry or name (keyset-paginated; an investor key sees itself only) */
        get: {
            parameters: {
                query?: {
                    kycStatus?: "pending" | "verified" | "rejected" | "revoked";
                    /** @description ISO 3166-1 alpha-2 country code, either case (stored upper case) */
                    jurisdiction?: components["schemas"]["Jurisdiction"];
                    investorType?: "individual" | "accredited" | "qualified_purchaser" | "institutional" | "professional";
                    /** @description Only investors whose KYC expires at or before this instant (e.g. now + 30 days: the KYCs to renew) */
                    kycExpiresBefore?: string;
                    /** @description Legal name contains this (case-insensitive), or the id equals it */
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of investors */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Investor"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Onboard an investor */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateInvestor"];
                };
            };
            responses: {
                /** @description The investor */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Investor"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/investors/{investorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an investor (an investor key: only its own) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    investorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The investor */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Investor"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/investors/{investorId}/kyc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set KYC status and expiry (a lapsed KYC also deauthorizes the investor’s wallets on chain)
         * @description When the KYC becomes rejected or revoked, or its expiry is in the past, a deauthorize operation is requested for every wallet of the investor that is authorized or frozen in a fund actively deployed on that wallet’s chain (unless one is already in flight). They are listed in `operations`; poll them at GET /v1/operations/{id}.
         */
        patch: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    investorId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateKyc"];
                };
            };
            responses: {
                /** @description The investor, with the operations requested */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KycUpdated"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/funds/{fundId}/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register an investor wallet for the fund on a chain (202: an authorize operation)
         * @description Validates the address for the chain, checks KYC and the fund policy (jurisdiction, investor type), records the wallet as pending and requests its on-chain authorization. Stellar: the investor must have created its trustline to the fund asset first (changeTrust, signed with its own key); without one the answer is 409 NOT_AUTHORIZED_ON_CHAIN with meta.reason TRUSTLINE_MISSING (or ACCOUNT_MISSING).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterWallet"];
                };
            };
            responses: {
                /** @description Authorization requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegisteredWallet"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/investors/{investorId}/wallets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An investor’s wallets on every chain, with their standing in every fund */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    investorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Wallets */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["InvestorWallet"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe at NAV: USD in → units minted to an authorized investor wallet (202: a mint operation)
         * @description Give `usd` (units = USD / NAV, SUBSCRIPTION_UNITS_ROUND_DOWN, the remainder recorded) or `units` (USD = units × NAV, SUBSCRIPTION_COST_ROUND_UP). The cash is booked (cash:subscriptions) with the mint request. Mints above the fund’s mintApprovalThreshold wait in state `requested` for a second approver.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubscriptionRequest"];
                };
            };
            responses: {
                /** @description Mint requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                            subscription: components["schemas"]["Subscription"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redemptions, newest first, with state, NAV used, USD and queue position (an investor key sees its own) */
        get: {
            parameters: {
                query?: {
                    state?: "requested" | "pending" | "settled" | "rejected_min_size" | "unmatched" | "failed";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redemptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Redemption"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Redeem units at NAV: burn from an investor wallet (202: the burn operation and the redemption); an investor key may redeem only for itself
         * @description Priced at the current NAV (REDEMPTION_USD_ROUND_DOWN); refused below the fund minimum (422 BELOW_MINIMUM). Once burned it waits FIFO for daily liquidity, then a payout is instructed.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RedemptionRequest"];
                };
            };
            responses: {
                /** @description Burn requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                            redemption: components["schemas"]["Redemption"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/redemptions/{redemptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One redemption */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    redemptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The redemption */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Redemption"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/redemptions/{redemptionId}/payouts/{payoutId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm that the (external) bank payment of a payout was made */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    redemptionId: string;
                    payoutId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PayoutConfirmation"];
                };
            };
            responses: {
                /** @description The confirmed payout */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RedemptionPayout"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/redemptions/{redemptionId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an on-chain redemption set aside below the minimum (rejected_min_size): burn it / owe it now */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    redemptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The redemption, requested (burn requested) or pending */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Redemption"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/redemption-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Minimum redemption, daily liquidity limit and payout account
         * @description An investor key reads only the rules of funds its investor holds a wallet in (403 otherwise, also for a fund that does not exist).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RedemptionRules"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the minimum redemption, daily liquidity limit and payout account */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RedemptionRulesInput"];
                };
            };
            responses: {
                /** @description The rules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RedemptionRules"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/custody/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a T-bill purchase: cash:<cashAccount> → custody:<custodian> at cost */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LotInput"];
                };
            };
            responses: {
                /** @description The lot, held */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustodyLot"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/custody/lots/{lotId}/maturity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a maturity: custody → cash at face, the discount (face − cost) to income:tbills */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    lotId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LotMaturity"];
                };
            };
            responses: {
                /** @description The matured lot */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustodyLot"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/custody/lots/{lotId}/roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll a maturing lot into a new one (maturity + purchase in one journal entry; net cash to cash:<cashAccount>) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    lotId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LotRoll"];
                };
            };
            responses: {
                /** @description The matured lot and the new one */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matured: components["schemas"]["CustodyLot"];
                            lot: components["schemas"]["CustodyLot"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/cash/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a bank-feed line: deposit or withdrawal on cash:<account> (same reference = recorded once) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CashMovementInput"];
                };
            };
            responses: {
                /** @description Already recorded with this reference */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CashMovement"];
                    };
                };
                /** @description Recorded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CashMovement"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/custody/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** T-bill lots with status; totals of held lots at cost and at face; custody balances */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Holdings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lots: components["schemas"]["CustodyLot"][];
                            totals: {
                                /**
                                 * @description USD as a decimal string, at most 6 decimals
                                 * @example 99875.50
                                 */
                                heldAtCost: string;
                                /**
                                 * @description USD as a decimal string, at most 6 decimals
                                 * @example 99875.50
                                 */
                                heldAtFace: string;
                            };
                            balances: components["schemas"]["UsdBalance"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/cash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance of every cash:<account> */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cash balances */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balances: components["schemas"]["UsdBalance"][];
                            /**
                             * @description USD as a decimal string, at most 6 decimals
                             * @example 99875.50
                             */
                            total: string;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/freezes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Freeze a wallet, or some of its units */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Freeze"];
                };
            };
            responses: {
                /** @description Operation requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/unfreezes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unfreeze a wallet, or some of its frozen units */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Freeze"];
                };
            };
            responses: {
                /** @description Operation requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/forced-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move units between two registered wallets without the holder’s signature (recovery, court orders) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ForcedTransfer"];
                };
            };
            responses: {
                /** @description Operation requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/recoveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a lost wallet’s whole balance and standing to another wallet of the same investor
         * @description The units moved are the lost wallet’s on-chain balance when the request is accepted; the investor’s holding does not change. The new wallet must belong to the same investor (checked again before signing).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Recovery"];
                };
            };
            responses: {
                /** @description Operation requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operations, newest first (an investor key sees only its own) */
        get: {
            parameters: {
                query?: {
                    fundId?: string;
                    state?: "requested" | "approved" | "prepared" | "submitted" | "confirmed" | "posted" | "failed" | "compensated";
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain?: string;
                    kind?: "deploy" | "authorize" | "deauthorize" | "freeze" | "unfreeze" | "mint" | "burn" | "forceTransfer" | "recover" | "pause" | "unpause" | "batch" | "publishNav" | "publishAttestation" | "fillSequence" | "payout" | "rotateKey";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Operations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Operation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An operation: state, transaction hash, explorer link, history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The operation with its history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/{operationId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an operation awaiting a second approver (maker-checker) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The approved operation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Operation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/{operationId}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the approvers of a multisig operation sign, and the signatures collected so far
         * @description For an operation above the approval threshold on a chain where the fund has approvers: the first call proposes the transaction (Stellar: the transaction envelope, its hash signed with ed25519; EVM: the Safe transaction as EIP-712 typed data, its hash signed with secp256k1) and every later call returns the same proposal. 422 when the fund has no approvers on the chain.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The proposal and its signatures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add one approver's signature; the one that meets the threshold approves the operation
         * @description The signer must be one of the approvers (403), the signature must verify over the proposal hash (400), and each approver signs once (409). The operation moves to `approved` with the signature that meets the threshold; the worker then sends the transaction.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    operationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApprovalSignatureIn"];
                };
            };
            responses: {
                /** @description The proposal and its signatures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supply per chain: ledger vs on-chain, and the last reconciliation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Supply */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Supply"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconciliation history, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description History */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Reconciliation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Reconcile now: on-chain total supply vs ledger supply, per chain (drift blocks mints) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RunReconciliation"];
                };
            };
            responses: {
                /** @description One result per reconciled chain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Reconciliation"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/reconciliations/{reconciliationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One reconciliation; a drift shows its cause in detail.unmatchedEvents (on-chain events the books do not explain) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    reconciliationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reconciliation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Reconciliation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/distributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Distributions of a fund, newest first, with their progress (keyset-paginated) */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "minting" | "completed" | "partially_failed" | "failed" | "cancelled";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of distributions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Distribution"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Distribute yield in new units, pro rata to every holder on every chain at the record time (202)
         * @description Each holder gets ⌊(units + carry) × position / Σ positions⌋ (YIELD_PRO_RATA_ROUND_DOWN); the remainder carries to the next distribution. Allocations a holder may not receive (frozen or deauthorized wallet, policy: max holding, KYC…) are withheld into the carry and audited. Mints go out in batches of the chain’s maxBatch, each operation carrying context.distributionId.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDistribution"];
                };
            };
            responses: {
                /** @description Distribution requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            distribution: components["schemas"]["Distribution"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/distributions/{distributionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a distribution: holders, batches requested/posted per chain, units paid, carry, state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    distributionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The distribution */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Distribution"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/distributions/{distributionId}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The holders of a distribution: position at the snapshot, units allocated, batch operation (by wallet id) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                    distributionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Allocations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DistributionAllocation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/distributions/{distributionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a distribution before it is planned (nothing written or signed yet); idempotent
         * @description Only a `pending` distribution can be cancelled: at its record time it is planned and its mints are queued for signing in one transaction, after which it runs to completion (409 CONFLICT, `meta.state`). Cancelling a cancelled distribution answers it again. Same roles as creating one; audited.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    distributionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled distribution */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Distribution"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/cap-table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cap table across chains: per investor every wallet and balance on every chain and the total (keyset-paginated by investor id) */
        get: {
            parameters: {
                query?: {
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain?: string;
                    limit?: number;
                    cursor?: string;
                    /** @description Only investors whose id or one wallet address equals this, or whose legal name contains it (case-insensitive) */
                    q?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of the cap table */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CapTableEntry"][];
                            nextCursor: string | null;
                            counts: components["schemas"]["HolderCounts"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/holders/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Holder counts per fund and per chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Holder counts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HolderCounts"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute every hash and link of the audit chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Verification result */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            count: number;
                            head?: string;
                            brokenAt?: string;
                            reason?: string;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hash-chained audit log, in order */
        get: {
            parameters: {
                query?: {
                    /** @description Return rows after this sequence number */
                    afterSeq?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit rows */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            nextAfterSeq: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiKey"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the secret is in this response only */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiKey"];
                };
            };
            responses: {
                /** @description The key */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: components["schemas"]["ApiKey"];
                            /** @description fsk_<keyId>_<secret>; shown once (null on an idempotent replay) */
                            key: string | null;
                            note?: string;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (the last active issuer-admin key cannot be revoked) */
        delete: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The revoked key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/stellar.toml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SEP-1 stellar.toml: the issuer accounts and every regulated fund asset on the configured Stellar network (no authentication)
         * @description Served at the issuers’ home_domain. One [[CURRENCIES]] entry per fund deployed on Stellar, with regulated = true (trustlines need the issuer’s authorization, given after KYC); a fund with `stellarSep8` also carries `approval_server` (its SEP-8 approval server, `/stellar/sep8/{fundId}/tx_approve`) and `approval_criteria`. 404 when no Stellar network is configured.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description TOML (text/plain, CORS open as SEP-1 requires) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description NOT_FOUND: no Stellar network configured in this process */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/stellar/trustline-transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sponsored trustline transaction for an investor’s Stellar account (sponsor-signed XDR to co-sign)
         * @description Builds begin/endSponsoringFutureReserves around changeTrust to the fund asset, with the investor’s account as source (its next sequence number) and the sponsor (STELLAR_SPONSOR_SECRET, default the fund’s issuer) paying the 0.5 XLM reserve. The sponsor has signed; the investor adds its signature and sends the result to `POST /v1/funds/{fundId}/stellar/fee-bumps` (so it pays no fee either). KYC and the fund policy are checked first; the wallet is recorded for the investor. Register it with `POST /v1/funds/{fundId}/wallets` once the trustline exists. 409 TRUSTLINE_EXISTS / ACCOUNT_MISSING (meta.reason) when there is nothing to sponsor.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StellarTrustlineTransactionRequest"];
                };
            };
            responses: {
                /** @description Sponsor-signed transaction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StellarTrustlineTransaction"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description CHAIN_UNAVAILABLE: a chain could not be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/stellar/fee-bumps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fee-bump and submit an investor-signed Stellar transaction (the platform pays the fee)
         * @description Accepts only a transaction whose source is a wallet recorded for an investor (the caller’s own, for an investor key) and whose operations are changeTrust or payments of the fund asset, plus the reserve sponsorship our sponsor signed for that investor. It is wrapped in a fee bump paid by the fee account (STELLAR_FEE_SECRET, default the fund’s distribution account) and submitted. Malformed XDR or any other operation: 400; a transaction the ledger refuses: 409/422 with its result codes in meta.resultCodes. Paying the fund asset to the deployment’s redemptionAddress is an on-chain redemption.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StellarFeeBumpRequest"];
                };
            };
            responses: {
                /** @description Submitted and in a ledger */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StellarFeeBump"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description CHAIN_UNAVAILABLE: a chain could not be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stellar/sep8/{fundId}/tx_approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SEP-8 approval server of a fund’s regulated Stellar asset (public: wallets call it, no API key)
         * @description The `approval_server` of the fund’s `[[CURRENCIES]]` entry in stellar.toml (ecosystem/sep-0008.md). POST one `tx` (form-encoded or JSON): a transaction signed by its source whose operations are payments of the fund asset from that source. The fund’s policy is evaluated across every chain for both parties (KYC verified and unexpired, jurisdictions, investor types, lock-up, maximum holding per investor, maximum holders; payments to the redemption address as redemptions). Answers: `revised` (wrapped in the issuer’s authorize / back-to-maintain-liabilities operations, same source and sequence, issuer-signed: sign and submit it), `success` (already composed so: issuer signature added), `pending` (ask again after `timeout` ms), `action_required` (receiver not onboarded: `action_url`), `rejected` (HTTP 400, naming the rule and its numbers). The same transaction always gets the same final answer; rate limited per source account (429 with a `pending` body and Retry-After). CORS open to every origin.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/x-www-form-urlencoded": components["schemas"]["Sep8Request"];
                    "application/json": components["schemas"]["Sep8Request"];
                };
            };
            responses: {
                /** @description success | revised | pending | action_required */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sep8Success"] | components["schemas"]["Sep8Revised"] | components["schemas"]["Sep8Pending"] | components["schemas"]["Sep8ActionRequired"];
                    };
                };
                /** @description rejected: malformed, foreign or non-compliant transaction */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sep8Rejected"];
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown fund, or it has no SEP-8 regulated asset on the configured Stellar network */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rejected: body larger than 64 KiB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sep8Rejected"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rate limited per source account: pending with the wait in `timeout` (and Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sep8Pending"];
                    };
                };
            };
        };
        delete?: never;
        /** CORS preflight of the SEP-8 approval server */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Access-Control-Allow-Origin: *, methods POST and OPTIONS, header Content-Type */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/nav": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current NAV, guards and history */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description NAV state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NavState"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a NAV (guarded: max move, min interval) and mirror it on every chain with a NAV feed */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublishNav"];
                };
            };
            responses: {
                /** @description The new round and its chain operations */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publication: components["schemas"]["NavPublication"];
                            operations: components["schemas"]["Operation"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/nav/guards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the NAV guards and the reserve check of a fund */
        patch: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NavGuardsPatch"];
                };
            };
            responses: {
                /** @description The guards now in force */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NavGuards"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/funds/{fundId}/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every signed attestation of a fund, newest first (keyset-paginated) */
        get: {
            parameters: {
                query?: {
                    /** @description Only attestations created at or after this instant */
                    since?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of attestations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Attestation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Sign a proof-of-reserve attestation now and write its hash on every chain with a NAV feed */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed attestation and its chain operations */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attestation: components["schemas"]["Attestation"];
                            operations: components["schemas"]["Operation"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/attestations/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed attestation of a fund */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attestation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attestation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attestations/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify attestation signatures (also in stellar.toml) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: components["schemas"]["AttestationKey"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Moves of the fund, newest first */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Moves */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Move"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Move an investor’s units between chains: burn (Stellar: clawback) on the source, mint on the destination once the burn is final (202)
         * @description Both wallets must belong to the same investor and be authorized; the investor’s policy applies. A move over a chain’s rate limit or into/out of a paused chain is queued (FIFO), never dropped. If the destination refuses for good, the units are re-minted on the source (state `compensated`).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveRequest"];
                };
            };
            responses: {
                /** @description Move accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            move: components["schemas"]["Move"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/moves/{moveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One move: state, legs with their operations and transaction hashes, error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    moveId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Move */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            move: components["schemas"]["Move"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/moves/{moveId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve a stranded move: re-mint its units in transit to a wallet of the same investor (202)
         * @description Only a move in state `stranded` (its re-mint failed for good; the units are in transit) can be resolved, once: `retry` re-mints to the wallet of the failed re-mint, `remint` to another wallet of the same investor on any chain where it is authorized. The move goes back to `compensating` and ends `completed` (re-minted on the destination chain) or `compensated`. 409 `MOVE_NOT_STRANDED` for any other state; the target wallet must be the investor’s (422 `POLICY_DENIED`), authorized (409 `NOT_AUTHORIZED_ON_CHAIN` / `FROZEN`) on a chain that may mint (409 `NOT_DEPLOYED` / `MINTS_BLOCKED` / `FUND_HALTED`). Audited as `move.resolved`.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    moveId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveResolveRequest"];
                };
            };
            responses: {
                /** @description Re-mint requested; the move is compensating */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            move: components["schemas"]["Move"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/chains/{chain}/move-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-chain move limits, capacity available now and pause flag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MoveLimits"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Per-chain move rate limits (units per 24 h, refilling linearly; both directions) */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveLimitsRequest"];
                };
            };
            responses: {
                /** @description Limits now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MoveLimits"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/chains/{chain}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause moves out of and into a chain (queued moves wait; nothing is dropped) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MoveLimits"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/chains/{chain}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume moves on a chain */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MoveLimits"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/halts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supply-invariant alerts: halts of mints and moves (open ones have clearedAt null) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Halts, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["FundHalt"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/halts/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the fund’s open halt once the books are corrected (issuer-admin) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cleared */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            halt: components["schemas"]["FundHalt"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/avalanche/l1s": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Provision an Avalanche L1 on the P-Chain (CreateSubnetTx → CreateChainTx with the Subnet-EVM genesis → ConvertSubnetToL1Tx) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProvisionL1"];
                };
            };
            responses: {
                /** @description Accepted: provisioning runs in the background; poll GET /v1/avalanche/l1s/{id} */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["L1Provision"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/avalanche/l1s/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An L1 provisioning: its step, subnet id, blockchain id and conversion */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The provisioning */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["L1Provision"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling API key: its role and what that role may do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every configured chain: family, endpoint, finality, explorer links, capabilities, health and pause state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Configured chains, sorted by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Chain"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payout instructions of settled redemptions, newest first (keyset-paginated; an investor key sees its own) */
        get: {
            parameters: {
                query?: {
                    status?: "instructed" | "confirmed" | "sending" | "paid" | "held";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of payouts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PayoutListItem"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/payouts/{payoutId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a held stablecoin payout again, or redirect it to another wallet of the same investor (walletId)
         * @description Only a held payout (undeliverable: no trustline, blacklisted, stablecoin paused) can be retried; nothing was booked for the failed attempt. A redirect may name a wallet on another settlement chain with enough liquidity.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    payoutId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PayoutRetry"];
                };
            };
            responses: {
                /** @description The payout, sending again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PayoutListItem"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stablecoin liquidity per settlement chain: booked, reserved for payouts, available, queued redemptions, alert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Liquidity per chain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ChainLiquidity"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest stablecoin reconciliations of the fund, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reconciliations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["StablecoinReconciliation"][];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book stablecoin liquidity moved to a chain’s treasury (from bank cash or another chain’s treasury)
         * @description The movement itself (a wire minted into USDC, a cross-chain transfer) happens outside; the stablecoin reconciliation compares this booking with the chain.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LiquidityMove"];
                };
            };
            responses: {
                /** @description Booked */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entryId: string;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity/{chain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Settle in stablecoin on a chain: redemptions there are paid in its stablecoin from the treasury
         * @description The treasury address defaults to the driver’s (Stellar: the fund’s distribution account). The chain needs a deployment and a driver with a settlement asset.
         */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SettlementChainInput"];
                };
            };
            responses: {
                /** @description The chain’s liquidity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChainLiquidity"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity/{chain}/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconcile the treasury’s stablecoin on a chain with the ledger now (a drift blocks payouts there) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The reconciliation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StablecoinReconciliation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/liquidity/{chain}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The on-chain limits of the fund’s settlement contracts on an EVM chain, read from the chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The limits */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementCaps"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set the settlement contracts’ daily subscription caps and instant-redemption limit (only what differs is sent)
         * @description Signed by the chain’s admin key (the contracts’ owner). Idempotent: a value the chain already holds sends nothing, so a retry after a failure converges. Limits left out stay as they are. Queued redemptions are governed by the redemption rules’ dailyLiquidityUsd, not by these.
         */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                    /** @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones) */
                    chain: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SettlementCapsInput"];
                };
            };
            responses: {
                /** @description The limits now on chain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SettlementCaps"] & {
                            transactions: number;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dev/faucet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dev only: give a test wallet local stablecoin (USDC) on a local network
         * @description Only chains whose stablecoin the platform issues locally (memory:devnet, stellar:local, local EVM devnets) have a faucet; on any other network the call is refused (403 FORBIDDEN). A Stellar account must trust the local USDC first.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FaucetRequest"];
                };
            };
            responses: {
                /** @description Paid */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FaucetPayment"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/subscriptions/stellar-dvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Quote a Stellar subscription paid in USDC: ONE transaction (investor pays USDC to the treasury, the issuer delivers the units), pre-signed by the platform
         * @description Priced at the current NAV (`units`: cost SUBSCRIPTION_COST_ROUND_UP; `usd`: units SUBSCRIPTION_UNITS_ROUND_DOWN, the investor pays only the units’ cost). The investor signs the returned XDR and submits it to Horizon; both legs land or neither. The transaction expires with the quote (tx_too_late) and any change voids the platform’s signature (tx_bad_auth). Ingest books cash, supply and position once when it lands.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DvpQuoteRequest"];
                };
            };
            responses: {
                /** @description The quote and its pre-signed transaction */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DvpQuote"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/subscriptions/stellar-dvp/{quoteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Stellar DvP quote and what became of it (quoted, settled, expired) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                    quoteId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The quote */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DvpQuoteStatus"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/funds/{fundId}/attestations/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest signed proof-of-reserve attestation of a fund (public, rate limited)
         * @description No authentication: the attestation_of_reserve link of every fund’s [[CURRENCIES]] entry in stellar.toml. Check the Ed25519 `signature` over the exact `payload` bytes with the key `keyId` (GET /public/attestations/keys, or [[FISCUS_ATTESTATION_KEYS]] in stellar.toml), and that sha-256(payload) = `hash`, the value written on chain. Rate limited per client address (429 with Retry-After); CORS open to every origin.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attestation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attestation"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown fund, or no attestation yet */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description TOO_MANY_REQUESTS: more than FISCUS_PUBLIC_RATE_LIMIT requests (default 60) per minute from this client address; wait Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds until the client’s window resets */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/funds/{fundId}/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every signed attestation of a fund, newest first (public, rate limited, keyset-paginated)
         * @description No authentication: the attestation_of_reserve link of every fund’s [[CURRENCIES]] entry in stellar.toml. Check the Ed25519 `signature` over the exact `payload` bytes with the key `keyId` (GET /public/attestations/keys, or [[FISCUS_ATTESTATION_KEYS]] in stellar.toml), and that sha-256(payload) = `hash`, the value written on chain. Rate limited per client address (429 with Retry-After); CORS open to every origin.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only attestations created at or after this instant */
                    since?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of attestations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Attestation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown fund */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description TOO_MANY_REQUESTS: more than FISCUS_PUBLIC_RATE_LIMIT requests (default 60) per minute from this client address; wait Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds until the client’s window resets */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/attestations/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify attestation signatures (public, rate limited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: components["schemas"]["AttestationKey"][];
                        };
                    };
                };
                /** @description TOO_MANY_REQUESTS: more than FISCUS_PUBLIC_RATE_LIMIT requests (default 60) per minute from this client address; wait Retry-After seconds */
                429: {
                    headers: {
                        /** @description Seconds until the client’s window resets */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints, newest first (keyset-paginated) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Endpoints */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookEndpoint"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a webhook endpoint for some event types; the signing secret is returned once
         * @description Each event is POSTed as JSON `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id` (the event id: the same on every retry and replay — deduplicate on it), `webhook-timestamp` (seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` under the secret), so any Standard Webhooks library verifies it (e.g. `new Webhook(secret).verify(body, headers)` of the `standardwebhooks` package). A 2xx answer acknowledges; anything else, a timeout (10 s) or a network error is retried with exponential backoff (5 s doubling, at most 1 h apart, 30 attempts) until acknowledged. Delivery is at least once: a worker that dies after the receiver answered may send it again. The secret (`whsec_…`) is in this response only: it is stored encrypted (AES-256-GCM) and never shown or logged again; a replay of this request answers `secret: null`.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWebhookEndpoint"];
                };
            };
            responses: {
                /** @description The endpoint and its secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoint: components["schemas"]["WebhookEndpoint"];
                            /**
                             * @description Standard Webhooks secret; null on an idempotent replay
                             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                             */
                            secret: string | null;
                            note?: string;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The endpoint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disable an endpoint: its pending deliveries are cancelled and nothing more is sent (idempotent) */
        delete: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The disabled endpoint */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description IDEMPOTENCY_MISMATCH: this Idempotency-Key was used (by this API key) for a different request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of an endpoint: one row per event, its state, attempts and last answer (newest first) */
        get: {
            parameters: {
                query?: {
                    state?: "pending" | "delivered" | "failed" | "cancelled";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WebhookDelivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: the body sent and every attempt (HTTP status or network error) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    endpointId: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delivery */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, whatever its state (same webhook-id; a fresh retry schedule) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    endpointId: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send again every delivery of an endpoint in some states (default: failed), optionally since a time — e.g. after fixing a receiver */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WebhookReplay"];
                };
            };
            responses: {
                /** @description How many deliveries were queued again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            replayed: number;
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/funds/{fundId}/key-rotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a role's signing key on a chain
         * @description Requests a rotateKey operation: signed by the chain’s admin key, it gives the new key the role and takes it from the old one in one transaction. After it is posted the platform signs the role’s operations with the new key and the chain refuses the old one. On EVM chains the role is the chain’s: every fund on it moves to the new key; on Stellar each fund has its own role keys (funds deployed with STELLAR_ROLE_KEYS).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required on every mutation; scoped per API key: a retry with the same API key and key replays the first 2xx response, the same key for another request is 409 IDEMPOTENCY_MISMATCH. */
                    "idempotency-key": string;
                };
                path: {
                    fundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["KeyRotation"];
                };
            };
            responses: {
                /** @description Rotation requested */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operation: components["schemas"]["Operation"];
                        };
                    };
                };
                /** @description Invalid input: VALIDATION_FAILED (schema, malformed JSON), INVALID_AMOUNT, TOO_MANY_DECIMALS, AMOUNT_OUT_OF_RANGE, INVALID_ADDRESS, INVALID_CHAIN, INVALID_JURISDICTION, IDEMPOTENCY_KEY_REQUIRED */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNAUTHENTICATED: missing or invalid API key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description FORBIDDEN: the key’s role may not do this, or the investor is not the key’s own */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description NOT_FOUND: unknown id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflicts with the current state, or IDEMPOTENCY_MISMATCH: an Idempotency-Key reused for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description PAYLOAD_TOO_LARGE: body larger than the configured limit (default 64 KiB) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Well-formed but refused (policy, unconfigured chain, capability, balance) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /**
             * @description Stable error code; branch on this.
             * @example POLICY_DENIED
             */
            code: string;
            instance: string;
            requestId: string;
            errors?: {
                path: string;
                message: string;
            }[];
            meta?: {
                [key: string]: unknown;
            };
        };
        Fund: {
            /** @example fund_0193… */
            id: string;
            name: string;
            symbol: string;
            decimals: number;
            policy: components["schemas"]["Policy"];
            mintApprovalThreshold: string | null;
            /** @description Stellar deployments of this fund are SEP-8 regulated assets: every investor transfer is approved by the approval server (see stellar.toml). */
            stellarSep8: boolean;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
        };
        /** @description minHolding ≤ maxHolding when both are given (checked by the server; JSON Schema cannot compare two fields). */
        Policy: {
            /**
             * @example [
             *       "US",
             *       "DE"
             *     ]
             */
            allowedJurisdictions?: components["schemas"]["Jurisdiction"][];
            blockedJurisdictions?: components["schemas"]["Jurisdiction"][];
            /**
             * @example [
             *       "institutional"
             *     ]
             */
            allowedInvestorTypes?: ("individual" | "accredited" | "qualified_purchaser" | "institutional" | "professional")[];
            kycRequired?: boolean;
            maxHolders?: number;
            /**
             * @description Decimal string in fund units (zero allowed), at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 0
             */
            minHolding?: string;
            /**
             * @description Decimal string in fund units (zero allowed), at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 0
             */
            maxHolding?: string;
            lockupSeconds?: number;
        };
        /**
         * @description ISO 3166-1 alpha-2 country code, either case (stored upper case)
         * @example US
         */
        Jurisdiction: string;
        CreateFund: {
            /**
             * @description Not blank (it is trimmed)
             * @example Fiscus Treasury Fund
             */
            name: string;
            /** @example FTF */
            symbol: string;
            /** @example 6 */
            decimals?: number;
            policy?: components["schemas"]["Policy"];
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            mintApprovalThreshold?: string | null;
            /** @description Default true: the fund’s Stellar deployments are SEP-8 regulated assets. Investor trustlines rest authorized-to-maintain-liabilities (they can neither send nor receive on their own); every transfer goes through the approval server advertised in stellar.toml, which applies the fund policy across chains and wraps the payment in the issuer’s authorize / deauthorize operations. false: trustlines are fully authorized and holders pay each other directly (the policy is then checked only when units arrive from the platform). Fixed once the fund is deployed on Stellar. */
            stellarSep8?: boolean;
            /**
             * @description Positive USD per whole fund unit; stored at max(6, digits given) decimals (≤ 18); value × 10^scale ≤ 2^63−1
             * @example 1.000123
             */
            nav?: string;
            navGuards?: components["schemas"]["NavGuardsPatch"];
        };
        NavGuardsPatch: {
            /**
             * @description Largest move of one update, basis points of the previous NAV
             * @example 200
             */
            maxMoveBps?: number;
            /** @example 3600 */
            minIntervalSeconds?: number;
            /**
             * @description Older NAVs refuse subscriptions/redemptions (NAV_STALE)
             * @example 345600
             */
            staleAfterSeconds?: number;
            /** @description Refuse mints that reserves do not cover (RESERVES_SHORT) */
            enforceReserves?: boolean;
        };
        Deployment: {
            /** @example dep_0193… */
            id: string;
            fundId: string;
            chain: string;
            /** @description pending | active | failed */
            status: string;
            /** @description Chain-specific ids (contract addresses, asset code + issuer) */
            details: {
                [key: string]: string;
            } | null;
            operationId: string | null;
            mintsBlocked: boolean;
            blockedReason: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
        };
        Operation: {
            /** @example op_0193… */
            id: string;
            fundId: string;
            chain: string;
            /** @example mint */
            kind: string;
            /** @example approved */
            state: string;
            /** @description The operation; units formatted in fund units */
            body: {
                [key: string]: unknown;
            };
            requiresApproval: boolean;
            requestedBy: string | null;
            approvedBy: string | null;
            txHash: string | null;
            explorerUrl: string | null;
            sequence: string | null;
            block: string | null;
            attempts: number;
            lastError: {
                code: string;
                message: string;
            } | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
            history?: components["schemas"]["OperationEvent"][];
        };
        OperationEvent: {
            from: string | null;
            to: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            at: string;
            detail: {
                [key: string]: unknown;
            } | null;
        };
        CreateDeployment: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
        };
        Investor: {
            /** @example inv_0193… */
            id: string;
            legalName: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example US
             */
            jurisdiction: string;
            /** @example 840 */
            jurisdictionNumeric: number;
            investorType: string;
            kycStatus: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            kycExpiresAt: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
        };
        CreateInvestor: {
            /**
             * @description Not blank (it is trimmed)
             * @example Acme Capital LLC
             */
            legalName: string;
            jurisdiction: components["schemas"]["Jurisdiction"];
            /** @enum {string} */
            investorType: "individual" | "accredited" | "qualified_purchaser" | "institutional" | "professional";
            /** @enum {string} */
            kycStatus?: "pending" | "verified" | "rejected" | "revoked";
            /**
             * Format: date-time
             * @example 2026-12-31T00:00:00Z
             */
            kycExpiresAt?: string | null;
        };
        KycUpdated: components["schemas"]["Investor"] & {
            /** @description deauthorize operations requested because the KYC no longer holds (rejected, revoked or expired); empty otherwise */
            operations: components["schemas"]["Operation"][];
        };
        UpdateKyc: {
            /** @enum {string} */
            kycStatus: "pending" | "verified" | "rejected" | "revoked";
            /**
             * Format: date-time
             * @example 2026-12-31T00:00:00Z
             */
            kycExpiresAt: string | null;
        };
        RegisteredWallet: {
            wallet: components["schemas"]["Wallet"];
            standing: components["schemas"]["FundStanding"];
            operation: components["schemas"]["Operation"];
        };
        Wallet: {
            /** @example wal_0193… */
            id: string;
            investorId: string;
            chain: string;
            address: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
        };
        FundStanding: {
            fundId: string;
            /** @description pending | authorized | frozen | deauthorized | rejected */
            status: string;
            units: string;
            frozenUnits: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            lastSubscribedAt: string | null;
        };
        RegisterWallet: {
            /** @example inv_0193… */
            investorId: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
        } & ({
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
        });
        InvestorWallet: components["schemas"]["Wallet"] & {
            funds: components["schemas"]["FundStanding"][];
        };
        Subscription: {
            id: string;
            usdIn: string;
            units: string;
            /** @description USD value of the units at NAV */
            cost: string;
            /** @description USD paid in and not spent (owed back to the investor) */
            remainder: string;
            nav: string;
            /** @example SUBSCRIPTION_UNITS_ROUND_DOWN */
            rounding: string;
            /** @description requested | minted | failed */
            status: string;
        };
        SubscriptionRequest: {
            /** @example inv_0193… */
            investorId: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            units?: string;
            /**
             * @description USD paid in; units minted = USD / NAV rounded down (SUBSCRIPTION_UNITS_ROUND_DOWN), the remainder recorded
             * @example 250000.00
             */
            usd?: string;
        } & (({
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
        }) & (unknown | unknown));
        Redemption: {
            id: string;
            fundId: string;
            investorId: string | null;
            walletId: string | null;
            chain: string;
            /** @description api | onchain (holder burn) | onchain_transfer (sent to the redemption address) */
            source: string;
            txHash: string | null;
            fromAddress: string | null;
            units: string;
            /**
             * @description requested → pending (queued for liquidity) → settled; rejected_min_size / unmatched / failed need an operator
             * @enum {string}
             */
            state: "requested" | "pending" | "settled" | "rejected_min_size" | "unmatched" | "failed";
            /** @description pending_payout | paid */
            payoutStatus: string;
            /** @description NAV per unit used (USD) */
            nav: string | null;
            navPublishedAt: string | null;
            /** @description USD owed (REDEMPTION_USD_ROUND_DOWN) */
            usd: string | null;
            /** @enum {string} */
            rounding: "REDEMPTION_USD_ROUND_DOWN";
            /** @description 1-based FIFO position while pending */
            queuePosition: number | null;
            burnOperationId: string | null;
            /** @description paid in stablecoin on this chain (null = bank wire) */
            payoutChain: string | null;
            payoutWalletId: string | null;
            payout: components["schemas"]["RedemptionPayout"];
            createdAt: string;
            burnedAt: string | null;
            settledAt: string | null;
        };
        RedemptionPayout: {
            id: string;
            /** @description USD */
            amount: string;
            cashAccount: string;
            /** @description UTC day whose liquidity it used */
            day: string;
            /**
             * @description bank wire: instructed → confirmed; stablecoin: sending → paid, or held (undeliverable, see heldReason) until retried or redirected
             * @enum {string}
             */
            status: "instructed" | "confirmed" | "sending" | "paid" | "held";
            /** @description bank reference, or the stablecoin payment transaction hash */
            reference: string | null;
            confirmedAt: string | null;
            createdAt: string;
            /** @description stablecoin payouts: the chain paid on (null = bank wire) */
            chain: string | null;
            address: string | null;
            walletId: string | null;
            /** @description the `payout` operation paying it (the latest attempt) */
            operationId: string | null;
            /** @description why a held payout could not be delivered (e.g. reason NO_TRUSTLINE, BLACKLISTED, STABLECOIN_PAUSED) */
            heldReason: {
                code: string;
                message: string;
                reason?: string;
            } | null;
        } | null;
        RedemptionRequest: {
            /** @example inv_0193… */
            investorId: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            units: string;
            /**
             * @description Paid in stablecoin to this wallet of the same investor (a settlement chain). Default: the redeeming wallet when its chain settles in stablecoin, else bank wire.
             * @example wal_0193…
             */
            payToWalletId?: string;
        } & ({
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
        });
        PayoutConfirmation: {
            /** @example FEDWIRE-20260319-0042 */
            reference: string;
        };
        RedemptionRules: {
            /**
             * @description USD; smaller redemptions are refused (API) or set aside (on chain)
             * @example 1000
             */
            minRedemptionUsd: string;
            /**
             * @description USD paid out per UTC day at most; null = unlimited
             * @example 5000000
             */
            dailyLiquidityUsd: string | null;
            /**
             * @description Payouts are paid from cash:<payoutAccount>
             * @example subscriptions
             */
            payoutAccount: string;
        };
        RedemptionRulesInput: {
            /**
             * @description USD as a decimal string, at most 6 decimals
             * @example 99875.50
             */
            minRedemptionUsd: string;
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            dailyLiquidityUsd: string | null;
            /** @example operating */
            payoutAccount: string;
        };
        CustodyLot: {
            id: string;
            cusip: string;
            custodian: string;
            faceValue: string;
            purchasePrice: string;
            settlementDate: string;
            maturityDate: string;
            cashAccount: string;
            /** @enum {string} */
            status: "held" | "matured";
            rolledFrom: string | null;
            rolledInto: string | null;
            maturedAt: string | null;
            createdAt: string;
        };
        LotInput: {
            /**
             * @description 8 characters [0-9A-Z*@#] (either case) and the modulus-10 "double add double" check digit
             * @example 912797GK7
             */
            cusip: string;
            /** @example bny */
            custodian: string;
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            faceValue: string;
            /**
             * @description Total price paid for the lot (positive USD, at most 6 decimals)
             * @example 99875.50
             */
            purchasePrice: string;
            /**
             * Format: date
             * @example 2026-03-19
             */
            settlementDate: string;
            /**
             * Format: date
             * @description Strictly after settlementDate (checked by the server; JSON Schema cannot compare two fields)
             * @example 2026-03-19
             */
            maturityDate: string;
            /**
             * @description Paid from cash:<cashAccount>
             * @default operating
             * @example operating
             */
            cashAccount: string;
        };
        LotMaturity: {
            /** @description Date of the maturity (default today, UTC); not before the maturity date */
            asOf?: string;
            /** @example operating */
            cashAccount?: string;
        };
        LotRoll: {
            /** @description Date of the maturity (default today, UTC); not before the maturity date */
            asOf?: string;
            next: components["schemas"]["LotInput"];
        };
        CashMovement: {
            id: string;
            account: string;
            /** @enum {string} */
            direction: "deposit" | "withdrawal";
            amount: string;
            reference: string;
            counterparty: string;
            createdAt: string;
        };
        CashMovementInput: {
            /** @example operating */
            account: string;
            /** @enum {string} */
            direction: "deposit" | "withdrawal";
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            amount: string;
            /** @example FEDWIRE-20260319-0042 */
            reference: string;
            /** @description `cash:<other>` for a sweep between fund accounts (another than `account`: 400 otherwise), else a name (external:<name>, default bank) */
            counterparty?: string;
        };
        UsdBalance: {
            /** @example cash:operating */
            account: string;
            balance: string;
        };
        Freeze: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
            /**
             * @description Partial (un)freeze of this many units; absent = the whole wallet
             * @example 1000.25
             */
            units?: string;
        } & ({
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
        });
        ForcedTransfer: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            from: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            to: string;
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            units: string;
        } & ({
            chain?: unknown;
            from?: unknown;
            to?: unknown;
        } | {
            chain?: unknown;
            from?: unknown;
            to?: unknown;
        } | {
            chain?: unknown;
        });
        Recovery: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description The lost wallet (registered for the fund) */
            from: string;
            /** @description A wallet of the SAME investor, registered with POST /v1/investors/{id}/wallets */
            to: string;
        };
        Approval: {
            operationId: string;
            /** @example requested */
            state: string;
            /** @enum {string} */
            scheme: "stellar-tx" | "safe-tx";
            /** @description What each approver signs */
            hash: string;
            approvers: string[];
            threshold: number;
            /** @description Stellar: envelope XDR and network passphrase; EVM: the SafeTx EIP-712 typed data */
            payload: {
                [key: string]: unknown;
            };
            signatures: {
                signer: string;
                signature: string;
                /**
                 * Format: date-time
                 * @example 2025-01-31T12:00:00.000Z
                 */
                at: string;
            }[];
        };
        ApprovalSignatureIn: {
            /** @description The approver's address (Stellar G… account, EVM Safe owner) */
            signer: string;
            /** @description Over the proposal hash: ed25519 (64 bytes) on Stellar, secp256k1 r‖s‖v (65 bytes, v 27/28) on EVM */
            signature: string;
        };
        Supply: {
            fundId: string;
            decimals: number;
            unitsOutstanding: string;
            transit: string;
            /** @description Σ supply over chains + transit == units outstanding */
            invariantHolds: boolean;
            chains: components["schemas"]["ChainSupply"][];
        };
        ChainSupply: {
            chain: string;
            deploymentStatus: string | null;
            mintsBlocked: boolean;
            blockedReason: string | null;
            /** @description Balance of supply:<chain> in the custody ledger */
            ledgerSupply: string;
            /** @description Token total supply read from the chain now; null if unreachable */
            chainSupply: string | null;
            chainError: string | null;
            inSync: boolean | null;
            lastReconciliation: components["schemas"]["Reconciliation"];
        };
        Reconciliation: {
            /** @example rec_0193… */
            id: string;
            fundId: string;
            chain: string;
            /** @description clean | in_flight | drift | error */
            status: string;
            ledgerSupply: string;
            chainSupply: string | null;
            /** @description chain − ledger, in fund units */
            drift: string | null;
            detail: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
        } | null;
        RunReconciliation: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain?: string;
        };
        Distribution: {
            /** @example dist_0193… */
            id: string;
            fundId: string;
            /** @description pending → minting → completed | partially_failed; or pending → failed (can never be planned: lastError) | cancelled */
            state: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            recordTime: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            snapshotAt: string | null;
            requestedUnits: string | null;
            ratePerUnit: string | null;
            /** @example YIELD_PRO_RATA_ROUND_DOWN */
            roundingRule: string;
            /** @description Units declared (set when planned) */
            units: string | null;
            carryIn: string | null;
            /** @description Rounding remainder + withheld units, carried to the next distribution */
            carryOut: string | null;
            heldUnits: string | null;
            holders: number | null;
            withheldUnits: string | null;
            /** @description Units of failed batches, returned to the carry */
            returnedUnits: string | null;
            unitsPaid: string;
            fundCarry: string;
            chains: {
                chain: string;
                holders: number;
                batchesRequested: number;
                batchesPosted: number;
                batchesFailed: number;
                unitsPlanned: string;
                unitsPaid: string;
                unitsWithheld: string;
            }[];
            lastError: {
                code: string;
                message: string;
            } | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            completedAt: string | null;
        };
        CreateDistribution: {
            /**
             * Format: date-time
             * @description Positions are snapshotted at the first saga run at or after this time
             * @example 2026-11-23T00:00:00Z
             */
            recordTime: string;
            /**
             * @description New units to distribute (fund units); exactly one of units / ratePerUnit
             * @example 1000.25
             */
            units?: string;
            /**
             * @description New units per unit held: a decimal like every amount (digits, optional "." and ≤ 18 decimals; no sign, exponent or spaces), > 0 and ≤ 9.223372036854775807; declared units = ⌊Σ held × rate⌋ (YIELD_RATE_TOTAL_ROUND_DOWN)
             * @example 0.000123
             */
            ratePerUnit?: string;
        } & (unknown | unknown);
        DistributionAllocation: {
            walletId: string;
            investorId: string;
            chain: string;
            address: string;
            position: string;
            units: string;
            /** @description planned | withheld | none (rounded to zero) */
            status: string;
            reason: string | null;
            operationId: string | null;
        };
        CapTableEntry: {
            investorId: string;
            legalName: string;
            /** @description Σ units over every wallet on every chain */
            total: string;
            wallets: {
                walletId: string;
                chain: string;
                address: string;
                units: string;
                frozenUnits: string;
                status: string;
            }[];
        };
        HolderCounts: {
            /** @description Distinct investors holding > 0 units across all chains (an investor counts once) */
            holders: number;
            perChain: {
                chain: string;
                holders: number;
                wallets: number;
                units: string;
            }[];
        };
        AuditEntry: {
            seq: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            at: string;
            actor: string;
            action: string;
            subject: string;
            data: {
                [key: string]: unknown;
            };
            prevHash: string;
            hash: string;
        };
        ApiKey: {
            id: string;
            /** @example treasurer */
            role: string;
            investorId: string | null;
            label: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            revokedAt: string | null;
        };
        CreateApiKey: {
            /** @enum {string} */
            role: "issuer-admin" | "compliance" | "treasurer" | "investor" | "auditor";
            /**
             * @description Required for (and only for) role investor
             * @example inv_0193…
             */
            investorId?: string;
            label?: string;
        } & ({
            /** @constant */
            role?: "investor";
        } | {
            /** @enum {unknown} */
            role?: "issuer-admin" | "compliance" | "treasurer" | "auditor";
        });
        StellarTrustlineTransaction: {
            chain: string;
            address: string;
            walletId: string;
            /**
             * @description Base64 TransactionEnvelope XDR
             * @example AAAAAgAAAAB…
             */
            xdr: string;
            /** @description Hash of the inner transaction (hex) */
            hash: string;
            /** @description Account that pays the trustline reserve */
            sponsor: string;
            networkPassphrase: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            validUntil: string;
        };
        StellarTrustlineTransactionRequest: {
            /** @example inv_0193… */
            investorId: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
        };
        StellarFeeBump: {
            chain: string;
            /** @description Hash of the fee-bump envelope (hex), as Horizon indexes it */
            hash: string;
            innerHash: string;
            /** @description The investor account (inner transaction source) */
            source: string;
            feeAccount: string;
            ledger: number;
        };
        StellarFeeBumpRequest: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /**
             * @description Base64 TransactionEnvelope XDR
             * @example AAAAAgAAAAB…
             */
            xdr: string;
        };
        /** @description Compliant as composed: the issuer signature was added; submit it to Horizon. */
        Sep8Success: {
            /** @enum {string} */
            status: "success";
            /** @description Transaction envelope XDR, base64 */
            tx: string;
            message?: string;
        };
        /** @description Wrapped in the issuer’s authorize / deauthorize operations (same source and sequence), issuer-signed: check, sign with the source account, submit. */
        Sep8Revised: {
            /** @enum {string} */
            status: "revised";
            /** @description Transaction envelope XDR, base64 */
            tx: string;
            message: string;
        };
        Sep8Pending: {
            /** @enum {string} */
            status: "pending";
            /** @description Milliseconds to wait before sending the same transaction again */
            timeout: number;
            message?: string;
        };
        Sep8ActionRequired: {
            /** @enum {string} */
            status: "action_required";
            message: string;
            action_url: string;
            /** @enum {string} */
            action_method?: "GET" | "POST";
            /** @description SEP-9 fields the wallet may pass along */
            action_fields?: string[];
        };
        Sep8Rejected: {
            /** @enum {string} */
            status: "rejected";
            /** @description Why, naming the failing rule and its numbers */
            error: string;
        };
        Sep8Request: {
            /**
             * @description Base64 transaction envelope XDR signed by the source account
             * @example AAAAAgAAAAD…
             */
            tx?: string;
        };
        NavPublication: {
            id: string;
            /** @description Round number (the on-chain feed’s roundId) */
            round: string;
            /** @example 1.000123 */
            nav: string;
            /** @description NAV as an integer at `scale` decimals */
            value: string;
            scale: number;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            publishedAt: string;
            publishedBy: string;
            previousId: string | null;
            reason: string | null;
        };
        PublishNav: {
            /**
             * @description Positive USD per whole fund unit; stored at max(6, digits given) decimals (≤ 18); value × 10^scale ≤ 2^63−1
             * @example 1.000123
             */
            nav: string;
            reason?: string;
        };
        NavState: {
            current: components["schemas"]["NavPublication"] & (Record<string, never> | null);
            guards: components["schemas"]["NavGuards"];
            /** @description Newest first (includes current) */
            history: components["schemas"]["NavPublication"][];
            /** @description Pass as `before` for older rounds */
            nextCursor: string | null;
        };
        NavGuards: {
            /**
             * @description Largest move of one update, basis points of the previous NAV
             * @example 200
             */
            maxMoveBps: number;
            /** @example 3600 */
            minIntervalSeconds: number;
            /**
             * @description Older NAVs refuse subscriptions/redemptions (NAV_STALE)
             * @example 345600
             */
            staleAfterSeconds: number;
            /** @description Refuse mints that reserves do not cover (RESERVES_SHORT) */
            enforceReserves: boolean;
        };
        Attestation: {
            id: string;
            fundId: string;
            /** @description The canonical JSON (RFC 8785) that was signed, byte for byte */
            payload: string;
            /** @description payload, parsed */
            body: {
                [key: string]: unknown;
            };
            /** @description sha-256 of payload (hex): the value written on chain */
            hash: string;
            /** @description Ed25519 signature of payload (base64) */
            signature: string;
            keyId: string;
            /** @description reserves ≥ required */
            ok: boolean;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
        };
        AttestationKey: {
            keyId: string;
            /** @enum {string} */
            algorithm: "Ed25519";
            /** @description Raw 32-byte Ed25519 public key, base64 */
            publicKey: string;
        };
        Move: {
            /** @example move_0193… */
            id: string;
            fundId: string;
            investorId: string;
            from: {
                chain: string;
                wallet: string;
            };
            to: {
                chain: string;
                wallet: string;
            };
            units: string;
            /** @description requested | queued | burning | burned | minting | completed | compensating | compensated | stranded (the re-mint failed: units in transit wait for POST …/resolve) | failed */
            state: string;
            /** @description Why it waits (PAUSED, RATE_LIMITED, QUEUED_BEHIND, FUND_HALTED), why it was compensated/failed, or why it is stranded (COMPENSATION_FAILED) */
            error: {
                code: string;
                message: string;
            } | null;
            legs: {
                /** @enum {string} */
                leg: "burn" | "mint" | "compensation";
                operationId: string;
                chain: string;
                /** @description Wallet the leg burns from or mints to */
                address: string | null;
                state: string;
                txHash: string | null;
                explorerUrl: string | null;
                block: string | null;
                error: {
                    code: string;
                    message: string;
                } | null;
            }[];
            requestedBy: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            queuedAt: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
        };
        /** @description from.chain and to.chain differ (checked by the server: JSON Schema cannot compare two fields) */
        MoveRequest: {
            from: {
                /**
                 * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
                 * @example memory:devnet
                 */
                chain: string;
                /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
                wallet: string;
            } & ({
                chain?: unknown;
                wallet?: unknown;
            } | {
                chain?: unknown;
                wallet?: unknown;
            } | {
                chain?: unknown;
            });
            to: {
                /**
                 * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
                 * @example memory:devnet
                 */
                chain: string;
                /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
                wallet: string;
            } & ({
                chain?: unknown;
                wallet?: unknown;
            } | {
                chain?: unknown;
                wallet?: unknown;
            } | {
                chain?: unknown;
            });
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            units: string;
        };
        MoveResolveRequest: {
            /**
             * @description Re-mint again to the wallet of the failed re-mint (e.g. once it is authorized again)
             * @enum {string}
             */
            action: "retry";
        } | ({
            /**
             * @description Re-mint to another wallet of the same investor, on any chain where it is authorized
             * @enum {string}
             */
            action: "remint";
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
        } & ({
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
            address?: unknown;
        } | {
            chain?: unknown;
        }));
        MoveLimits: {
            chain: string;
            outboundPer24h: string | null;
            inboundPer24h: string | null;
            /** @description Capacity available now */
            outboundAvailable: string | null;
            inboundAvailable: string | null;
            paused: boolean;
        };
        MoveLimitsRequest: {
            /**
             * @description Units that may leave this chain per 24 h (refilling linearly); null = unlimited
             * @example 1000.25
             */
            outboundPer24h: string | null;
            /**
             * @description Units that may arrive on this chain per 24 h; null = unlimited
             * @example 1000.25
             */
            inboundPer24h: string | null;
        };
        FundHalt: {
            id: string;
            reason: string;
            detail: {
                [key: string]: unknown;
            };
            operationId: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            clearedAt: string | null;
            clearedBy: string | null;
        };
        L1Provision: {
            /** @example l1_0193… */
            id: string;
            chainId: number;
            /** @description createSubnet | createChain | convert | done | failed */
            step: string;
            /** @description Id of the CreateSubnetTx */
            subnetId: string | null;
            /** @description Id of the CreateChainTx */
            blockchainId: string | null;
            /** @description sha256 of the SubnetToL1ConversionData the P-Chain recorded */
            conversionId: string | null;
            validationIds: string[];
            transactions: {
                createSubnet?: {
                    txId: string;
                    rebuilds: number;
                };
                createChain?: {
                    txId: string;
                    rebuilds: number;
                };
                convert?: {
                    txId: string;
                    rebuilds: number;
                };
            };
            error: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            updatedAt: string;
        };
        ProvisionL1: {
            chainName: string;
            /**
             * @description EVM chain id of the new L1
             * @example 777001
             */
            chainId: number;
            txAllowList: {
                /** @description At least one: a list without admin cannot be changed until a network upgrade */
                admins: string[];
                managers?: string[];
                enabled?: string[];
            };
            contractDeployerAllowList: {
                /** @description At least one: a list without admin cannot be changed until a network upgrade */
                admins: string[];
                managers?: string[];
                enabled?: string[];
            };
            contractNativeMinter: {
                /** @description At least one: a list without admin cannot be changed until a network upgrade */
                admins: string[];
                managers?: string[];
                enabled?: string[];
            };
            feeConfig?: {
                gasLimit?: number;
                targetBlockRate?: number;
                minBaseFee?: number;
                targetGas?: number;
                baseFeeChangeDenominator?: number;
                minBlockGasCost?: number;
                maxBlockGasCost?: number;
                blockGasCostStep?: number;
            };
            /** @description Genesis balances in wei (decimal strings), keyed by EVM address */
            alloc?: {
                [key: string]: string;
            };
            /**
             * @description Not the zero address; mixed case must be a valid EIP-55 checksum
             * @example 0x8db97C7cEcE249c2b98bDC0226Cc4C2A57BF52FC
             */
            validatorManagerAddress: string;
            validators: {
                /** @example NodeID-7Xhw2mDxuDS44j42TCB6U5579esbSt3Lg */
                nodeId: string;
                blsPublicKey: string;
                proofOfPossession: string;
                /** @description Positive */
                weight: string;
                /** @description nAVAX pre-paid for the validator fee */
                balance: string;
            }[];
        };
        Session: {
            keyId: string;
            /** @enum {string} */
            role: "issuer-admin" | "compliance" | "treasurer" | "investor" | "auditor";
            /** @description Set for (and only for) investor keys */
            investorId: string | null;
            /** @description Every permission the key’s role holds (the role table in the README); a client offers only these */
            permissions: ("funds.create" | "funds.read" | "funds.policy" | "deployments.create" | "investors.create" | "investors.read" | "investors.kyc" | "wallets.create" | "wallets.read" | "subscriptions.create" | "subscriptions.quote" | "redemptions.create" | "enforcement.create" | "operations.read" | "operations.approve" | "supply.read" | "reconciliations.run" | "reconciliations.read" | "distributions.create" | "distributions.read" | "capTable.read" | "audit.read" | "apiKeys.manage" | "nav.publish" | "nav.read" | "attestations.create" | "attestations.read" | "custody.write" | "custody.read" | "redemptions.read" | "redemptions.manage" | "stellar.sponsor" | "avalanche.l1s.create" | "avalanche.l1s.read" | "moves.create" | "moves.read" | "moves.manage" | "moves.resolve" | "halts.clear" | "session.read" | "chains.read" | "webhooks.manage" | "webhooks.read" | "dev.faucet" | "keys.rotate")[];
        };
        Chain: {
            /**
             * @description CAIP-2 chain id
             * @example eip155:31337
             */
            chain: string;
            /**
             * @description The CAIP-2 namespace: the chain family
             * @example eip155
             */
            namespace: string;
            /**
             * @description `instant`, `confirmations:<depth>` or `tag:finalized`
             * @example confirmations:12
             */
            finality: string;
            /**
             * @description Transaction link template with `{txHash}`; null for local chains
             * @example https://etherscan.io/tx/{txHash}
             */
            explorerTxUrl: string | null;
            /** @description What the chain enforces natively; operations it cannot do are refused (422 CAPABILITY_UNSUPPORTED) */
            capabilities: {
                authorize: boolean;
                freeze: boolean;
                partialFreeze: boolean;
                forceTransfer: boolean;
                clawback: boolean;
                pause: boolean;
                recovery: boolean;
                onchainCompliance: boolean;
                navFeed: boolean;
                replaceByFee: boolean;
                maxBatch: number;
            };
            /** @description null when the server was not told (e.g. a test harness) */
            endpoint: {
                /**
                 * @description The protocol at `url`: the memchain devnet, Stellar Horizon, or EVM JSON-RPC
                 * @enum {string}
                 */
                kind: "memchain" | "horizon" | "evm-rpc";
                /** @description Where to reach the chain (local chains: their loopback URL of this run; a private RPC: its origin only, since its path may carry a provider key) */
                url: string;
                /** @description Avalanche: the P-Chain JSON-RPC the L1 was provisioned on; null otherwise */
                pchainUrl: string | null;
                /** @description A local devnet or stand-in started for development, not a real network */
                local: boolean;
            } | null;
            /** @description A live read made for this request (bounded by the chain read timeout, default 3 s); `unknown` without an endpoint */
            health: {
                /** @enum {string} */
                status: "up" | "down" | "unknown";
                /** @description Latest block / ledger the endpoint reports */
                height: string | null;
                error: string | null;
            };
            /** @description Funds whose cross-chain moves are paused on this chain (POST /v1/funds/{fundId}/chains/{chain}/pause) */
            pausedFunds: string[];
        };
        PayoutListItem: components["schemas"]["RedemptionPayout"] & {
            redemptionId: string;
            investorId: string | null;
        };
        PayoutRetry: {
            /** @example wal_0193… */
            walletId?: string;
        };
        ChainLiquidity: {
            chain: string;
            asset: components["schemas"]["SettlementAsset"];
            /** @description where the platform holds the stablecoin on that chain */
            treasuryAddress: string | null;
            /** @description USD: the ledger’s stablecoin:<chain> */
            booked: string;
            /** @description USD promised to payouts being sent or held */
            reserved: string;
            /** @description USD new payouts may spend (booked − reserved) */
            available: string;
            /** @description USD of redemptions waiting to be paid on that chain */
            queued: string;
            queuedCount: number;
            /** @description a stablecoin drift blocks payouts until a clean reconciliation */
            payoutsBlocked: boolean;
            blockedReason: string | null;
            /** @description true when available liquidity is below the redemptions queued on that chain */
            alert: boolean;
        };
        /** @description the stablecoin paid and taken on a chain (a liquidity entry shows null when this API has no driver for the chain) */
        SettlementAsset: {
            /** @enum {string} */
            family: "stellar" | "evm";
            /** @description Stellar: CODE:ISSUER (the trustline a wallet needs to pay or be paid); EVM: the token contract address */
            id: string;
            decimals: number;
            symbol: string | null;
        } | null;
        StablecoinReconciliation: {
            id: number;
            chain: string;
            /** @enum {string} */
            result: "clean" | "in_flight" | "drift";
            onChainUsd: string;
            ledgerUsd: string;
            inFlightUsd: string;
            detail: {
                [key: string]: unknown;
            } | null;
            createdAt: string;
        };
        LiquidityMove: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            toChain: string;
            /** @example operating */
            fromCashAccount?: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            fromChain?: string;
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            usd: string;
            reference: string;
        } & (unknown | unknown);
        SettlementChainInput: {
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            treasuryAddress?: string;
        };
        SettlementCaps: {
            chain: string;
            /** @description stablecoin subscribed per UTC day by all investors; "0" = no cap */
            subscriptionDailyUsd: string;
            /** @description per investor per UTC day; "0" = no cap */
            subscriptionInvestorDailyUsd: string;
            /** @description paid by instant on-chain redemptions per UTC day */
            instantRedemptionDailyUsd: string;
        };
        SettlementCapsInput: {
            /**
             * @description USD per UTC day, at most 6 decimals; "0" = no cap
             * @example 99875.50
             */
            subscriptionDailyUsd?: string;
            /**
             * @description USD per UTC day, at most 6 decimals; "0" = no cap
             * @example 99875.50
             */
            subscriptionInvestorDailyUsd?: string;
            /**
             * @description USD per UTC day, at most 6 decimals; "0" = no cap
             * @example 99875.50
             */
            instantRedemptionDailyUsd?: string;
        };
        FaucetPayment: {
            chain: string;
            address: string;
            usd: string;
            txHash: string | null;
        };
        FaucetRequest: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description the wallet to pay */
            address?: string;
            /**
             * @description instead of an address: the fund’s treasury on that chain (to give it liquidity)
             * @example fund_0193…
             */
            fundId?: string;
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            usd: string;
        } & (unknown | unknown);
        DvpQuote: {
            quoteId: string;
            units: string;
            /** @description USD paid in USDC */
            usd: string;
            /** @description USDC paid, as a Stellar amount (7 decimals) */
            stablecoinAmount: string;
            nav: string;
            rule: string;
            expiresAt: string;
            transaction: {
                xdr: string;
                hash: string;
                networkPassphrase: string;
                source: string;
            };
        };
        DvpQuoteRequest: {
            /** @example inv_0193… */
            investorId: string;
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /** @description Address in the chain’s own format (see the body’s oneOf: per chain family) */
            address: string;
            /**
             * @description Positive decimal string in fund units, at most the fund's decimals (≤ 7), and at most the largest amount every chain holds at those decimals ((2^63−1) / 10^(7−decimals) base units)
             * @example 1000.25
             */
            units?: string;
            /**
             * @description Positive USD as a decimal string, at most 6 decimals, at most 9223372036854.775807
             * @example 99875.50
             */
            usd?: string;
            /** @description default 300 */
            expiresInSec?: number;
        } & (unknown | unknown);
        DvpQuoteStatus: {
            quoteId: string;
            chain: string;
            investorId: string;
            address: string;
            units: string;
            usd: string;
            nav: string;
            txHash: string;
            /**
             * @description settled: the ingest booked its transaction; expired: its time bound passed unsettled (the ledger refuses it: tx_too_late)
             * @enum {string}
             */
            status: "quoted" | "settled" | "expired";
            expiresAt: string;
            settledAt: string | null;
        };
        WebhookEndpoint: {
            /** @example whe_0193… */
            id: string;
            url: string;
            eventTypes: string[];
            description: string | null;
            /** @description false once disabled (DELETE): nothing more is sent to it */
            active: boolean;
            createdBy: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
        };
        CreateWebhookEndpoint: {
            /**
             * @description http(s) URL that receives a POST per event; use https outside a private network
             * @example https://backoffice.example.com/fiscus/webhooks
             */
            url: string;
            /** @description The event types this endpoint receives */
            eventTypes: components["schemas"]["WebhookEventType"][];
            description?: string;
        };
        /**
         * @description operation.state_changed (every transition of an operation), reconciliation.drift, redemption.settled (payout instructed), move.completed, distribution.completed (completed or partially_failed), fund.halted (supply invariant broken), investor.kyc_expiring (a verified KYC expires within 30 days)
         * @enum {string}
         */
        WebhookEventType: "operation.state_changed" | "reconciliation.drift" | "redemption.settled" | "move.completed" | "distribution.completed" | "fund.halted" | "investor.kyc_expiring";
        WebhookDelivery: {
            /** @example whd_0193… */
            id: string;
            /** @description The `webhook-id` header: the same for every attempt and replay of this event */
            eventId: string;
            eventType: string;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            occurredAt: string;
            /**
             * @description pending (retried with exponential backoff until a 2xx) → delivered; failed after the last attempt; cancelled when the endpoint was disabled. A replay makes it pending again.
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed" | "cancelled";
            attempts: number;
            /**
             * Format: date-time
             * @description When a pending delivery is tried next
             * @example 2025-01-31T12:00:00.000Z
             */
            nextAttemptAt: string | null;
            /** @description HTTP status of the last attempt; null when no answer (network error, timeout) */
            lastStatus: number | null;
            lastError: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            createdAt: string;
        };
        WebhookDeliveryDetail: components["schemas"]["WebhookDelivery"] & {
            /** @description The body every attempt sends */
            payload: {
                type: string;
                /**
                 * Format: date-time
                 * @example 2025-01-31T12:00:00.000Z
                 */
                timestamp: string;
                data: {
                    [key: string]: unknown;
                };
            };
            attemptLog: components["schemas"]["WebhookAttempt"][];
        };
        WebhookAttempt: {
            attempt: number;
            status: number | null;
            error: string | null;
            /**
             * Format: date-time
             * @example 2025-01-31T12:00:00.000Z
             */
            at: string;
        };
        WebhookReplay: {
            /** @description Default ["failed"] */
            states?: ("delivered" | "failed" | "cancelled")[];
            /**
             * Format: date-time
             * @description Only deliveries queued at or after this instant
             */
            since?: string;
        };
        KeyRotation: {
            /**
             * @description CAIP-2 chain id of a configured chain (422 CHAIN_NOT_CONFIGURED names the configured ones)
             * @example memory:devnet
             */
            chain: string;
            /**
             * @description minter: mint and burn; compliance: freeze, forced transfer, recovery, pause, onboarding; oracle: NAV and attestations
             * @enum {string}
             */
            role: "minter" | "compliance" | "oracle";
            /** @description The key taking the role over. EVM chains: required, the platform must already be configured with it (e.g. EVM_MINTER_NEXT_SIGNER). Stellar: the fund’s role keys come from its keyring, so it may be omitted (the next generation is used); if given it must be that key. */
            newAddress?: string;
        } & ({
            chain?: unknown;
            newAddress?: unknown;
        } | {
            chain?: unknown;
            newAddress?: unknown;
        } | {
            chain?: unknown;
        });
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
