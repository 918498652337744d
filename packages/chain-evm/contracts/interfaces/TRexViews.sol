// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

/// @dev The few ERC-3643 (T-REX v4) functions our contracts call, declared here so our code does
/// not import T-REX sources (GPL / CC-BY-NC). Selectors match T-REX's interfaces exactly.
interface IModularComplianceView {
    function getTokenBound() external view returns (address);
}

interface ITokenView {
    function identityRegistry() external view returns (address);
    function balanceOf(address account) external view returns (uint256);
    function totalSupply() external view returns (uint256);
}

interface ITokenAgentActions {
    function recoveryAddress(address lostWallet, address newWallet, address investorOnchainID) external returns (bool);
}

interface IIdentityRegistryView {
    function identity(address wallet) external view returns (address);
    function investorCountry(address wallet) external view returns (uint16);
    function contains(address wallet) external view returns (bool);
}

interface IIdentityRegistryAgent is IIdentityRegistryView {
    function registerIdentity(address wallet, address identity, uint16 country) external;
    function updateIdentity(address wallet, address identity) external;
    function updateCountry(address wallet, uint16 country) external;
    function deleteIdentity(address wallet) external;
}

/// @dev ONCHAINID (ERC-734/735) identity and factory functions the onboarder uses.
interface IIdentityKeysAndClaims {
    function addKey(bytes32 key, uint256 purpose, uint256 keyType) external returns (bool);
    function keyHasPurpose(bytes32 key, uint256 purpose) external view returns (bool);
    function addClaim(uint256 topic, uint256 scheme, address issuer, bytes calldata signature, bytes calldata data, string calldata uri)
        external returns (bytes32);
}

interface IIdFactoryAdmin {
    function createIdentityWithManagementKeys(address wallet, string calldata salt, bytes32[] calldata managementKeys)
        external returns (address);
}
