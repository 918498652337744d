// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import "./interfaces/TRexViews.sol";

/// @title Investor onboarding in ONE transaction.
/// @notice Authorizing a wallet on an ERC-3643 token takes three calls by three roles (identity
/// factory owner, identity claim key, IdentityRegistry agent). The platform signs one
/// transaction per operation with an engine-allocated nonce, so this contract holds those roles
/// and performs the calls atomically: all land or none. It owns the identity factory, is a
/// management key of every identity it creates (identities are platform-managed) and is an
/// agent of each fund's IdentityRegistry and token. Only its owner (the platform key) may call it.
contract FiscusOnboarder {
    uint256 private constant CLAIM_SCHEME_ECDSA = 1;
    uint256 private constant PURPOSE_MANAGEMENT = 1;
    uint256 private constant KEY_TYPE_ECDSA = 1;

    address public owner;
    IIdFactoryAdmin public immutable idFactory;
    /// @dev keccak256(investorKey) => identity; one identity per investor, shared by all their wallets.
    mapping(bytes32 => address) public identityOfInvestor;

    event Onboarded(address indexed registry, address indexed wallet, address indexed identity, uint16 country);
    event Offboarded(address indexed registry, address indexed wallet);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor(IIdFactoryAdmin factory) {
        idFactory = factory;
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Fiscus: caller is not the owner");
        _;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Fiscus: zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    /// @dev One wallet of a batch onboarding (the claim topic and issuer are the fund's, shared).
    struct Onboarding {
        address wallet;
        string investorKey;
        uint16 country;
        bytes signature;
        bytes data;
    }

    /// @notice Creates the investor's identity if needed, (re)adds the KYC claim, and registers
    /// `wallet` with `country`. Idempotent: running it again updates rather than reverts.
    function onboard(
        IIdentityRegistryAgent registry,
        address wallet,
        string calldata investorKey,
        uint16 country,
        uint256 topic,
        address issuer,
        bytes calldata signature,
        bytes calldata data
    ) external onlyOwner returns (address identity) {
        return _onboard(registry, wallet, investorKey, country, topic, issuer, signature, data);
    }

    /// @notice Many onboardings in one transaction: all land or none (one nonce, one base fee).
    function onboardBatch(IIdentityRegistryAgent registry, Onboarding[] calldata items, uint256 topic, address issuer)
        external onlyOwner
    {
        for (uint256 i = 0; i < items.length; i++) {
            Onboarding calldata o = items[i];
            _onboard(registry, o.wallet, o.investorKey, o.country, topic, issuer, o.signature, o.data);
        }
    }

    function _onboard(
        IIdentityRegistryAgent registry,
        address wallet,
        string calldata investorKey,
        uint16 country,
        uint256 topic,
        address issuer,
        bytes calldata signature,
        bytes calldata data
    ) private returns (address identity) {
        identity = _identityFor(wallet, investorKey);
        // The identity checks the signature with the issuer, so a claim for another identity,
        // topic or data reverts here ("invalid claim") instead of silently leaving it unverified.
        IIdentityKeysAndClaims(identity).addClaim(topic, CLAIM_SCHEME_ECDSA, issuer, signature, data, "");
        if (!registry.contains(wallet)) {
            registry.registerIdentity(wallet, identity, country);
        } else {
            if (registry.identity(wallet) != identity) registry.updateIdentity(wallet, identity);
            if (registry.investorCountry(wallet) != country) registry.updateCountry(wallet, country);
        }
        emit Onboarded(address(registry), wallet, identity, country);
    }

    /// @notice Removes the wallet's registration (KYC expired or revoked); a no-op when absent.
    function offboard(IIdentityRegistryAgent registry, address wallet) external onlyOwner {
        if (!registry.contains(wallet)) return;
        registry.deleteIdentity(wallet);
        emit Offboarded(address(registry), wallet);
    }

    /// @notice Lost wallet → new wallet of the same investor: T-REX's recoveryAddress requires the
    /// new wallet to be a management key of the identity, which only a management key can add.
    /// The new wallet may already be registered under the SAME identity (the platform registers
    /// wallets before using them): recoveryAddress registers it itself and would revert on a
    /// registered wallet, so its registration is removed first; it is back in the same transaction.
    function recover(ITokenAgentActions token, IIdentityRegistryAgent registry, address lostWallet, address newWallet)
        external onlyOwner
    {
        address identity = registry.identity(lostWallet);
        require(identity != address(0), "Fiscus: lost wallet has no identity");
        if (registry.contains(newWallet)) {
            require(registry.identity(newWallet) == identity, "Fiscus: new wallet belongs to another identity");
            registry.deleteIdentity(newWallet);
        }
        bytes32 key = keccak256(abi.encode(newWallet));
        IIdentityKeysAndClaims id = IIdentityKeysAndClaims(identity);
        if (!id.keyHasPurpose(key, PURPOSE_MANAGEMENT)) id.addKey(key, PURPOSE_MANAGEMENT, KEY_TYPE_ECDSA);
        token.recoveryAddress(lostWallet, newWallet, identity);
    }

    function _identityFor(address wallet, string calldata investorKey) private returns (address identity) {
        bytes32 k = keccak256(bytes(investorKey));
        identity = identityOfInvestor[k];
        if (identity != address(0)) return identity;
        bytes32[] memory keys = new bytes32[](1);
        keys[0] = keccak256(abi.encode(address(this)));
        identity = idFactory.createIdentityWithManagementKeys(wallet, investorKey, keys);
        identityOfInvestor[k] = identity;
    }
}
