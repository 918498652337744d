// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

/// @title Least privilege between the platform's keys and ERC-3643 agent rights.
/// @notice A T-REX 4.x agent may call every agent function of a token (mint, burn, freeze, forced
/// transfer, recovery, pause) and of its IdentityRegistry. This contract is that agent (and the
/// owner of the onboarder, and the updater of every NAV feed) in place of the platform's keys, and
/// forwards a call only when the caller holds the role its function selector belongs to:
///   MINTER      mint, burn and their batch forms;
///   COMPLIANCE  freezes, forced transfers, recovery, pause/unpause, onboarding and offboarding;
///   ORACLE      NAV and attestation publication on a FiscusNavFeed.
/// The selector table is fixed at construction: no role can widen what another role may call, and
/// a selector that is not in the table is refused for everyone. The ADMIN role (the deployer key)
/// grants and revokes roles and does nothing else here.
contract FiscusAgentGate {
    bytes32 public constant ADMIN = keccak256("fiscus.role.admin");
    bytes32 public constant MINTER = keccak256("fiscus.role.minter");
    bytes32 public constant COMPLIANCE = keccak256("fiscus.role.compliance");
    bytes32 public constant ORACLE = keccak256("fiscus.role.oracle");

    mapping(bytes32 => mapping(address => bool)) public hasRole;
    /// @notice The role allowed to call each forwarded function (zero: refused for everyone).
    mapping(bytes4 => bytes32) public roleOfSelector;
    uint256 public adminCount;

    event RoleGranted(bytes32 indexed role, address indexed account, address indexed by);
    event RoleRevoked(bytes32 indexed role, address indexed account, address indexed by);
    event Forwarded(bytes32 indexed role, address indexed caller, address indexed target, bytes4 selector);

    error MissingRole(bytes32 role, address caller);
    error UnknownSelector(bytes4 selector);
    error LastAdmin();
    error NotAHolder(bytes32 role, address account);

    constructor(address admin, bytes4[] memory selectors, bytes32[] memory roles) {
        require(selectors.length == roles.length, "Fiscus: selectors and roles differ in length");
        for (uint256 i = 0; i < selectors.length; i++) {
            require(roles[i] == MINTER || roles[i] == COMPLIANCE || roles[i] == ORACLE, "Fiscus: unknown role");
            roleOfSelector[selectors[i]] = roles[i];
        }
        _grant(ADMIN, admin);
    }

    modifier only(bytes32 role) {
        if (!hasRole[role][msg.sender]) revert MissingRole(role, msg.sender);
        _;
    }

    /// @notice Calls `target` with `data` if the caller holds the role of `data`'s selector;
    /// the target's revert reason comes back unchanged.
    function execute(address target, bytes calldata data) external returns (bytes memory) {
        require(data.length >= 4, "Fiscus: no selector");
        bytes4 selector = bytes4(data[:4]);
        bytes32 role = roleOfSelector[selector];
        if (role == bytes32(0)) revert UnknownSelector(selector);
        if (!hasRole[role][msg.sender]) revert MissingRole(role, msg.sender);
        (bool ok, bytes memory ret) = target.call(data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        emit Forwarded(role, msg.sender, target, selector);
        return ret;
    }

    function grantRole(bytes32 role, address account) external only(ADMIN) {
        _grant(role, account);
    }

    function revokeRole(bytes32 role, address account) external only(ADMIN) {
        _revoke(role, account);
    }

    /// @notice Key rotation in one transaction: the new key gets the role, then the old key loses it.
    function rotateRole(bytes32 role, address from, address to) external only(ADMIN) {
        if (!hasRole[role][from]) revert NotAHolder(role, from);
        _grant(role, to);
        _revoke(role, from);
    }

    function _grant(bytes32 role, address account) private {
        require(account != address(0), "Fiscus: zero account");
        if (hasRole[role][account]) return;
        hasRole[role][account] = true;
        if (role == ADMIN) adminCount++;
        emit RoleGranted(role, account, msg.sender);
    }

    function _revoke(bytes32 role, address account) private {
        if (!hasRole[role][account]) return;
        // Without an admin no role could ever be granted or revoked again.
        if (role == ADMIN && adminCount == 1) revert LastAdmin();
        hasRole[role][account] = false;
        if (role == ADMIN) adminCount--;
        emit RoleRevoked(role, account, msg.sender);
    }
}
